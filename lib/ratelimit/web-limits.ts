import { Ratelimit } from "@upstash/ratelimit";
import { env } from "@/lib/env";
import { rootLogger } from "@/lib/logger";
import { key, redis } from "@/lib/redis";
import { upstashRedisFromIORedis } from "./upstash-ioredis";

/**
 * Rate limits of the web tier (auth forms, /api/v1), by policy name. Sliding windows: no
 * burst at a window boundary. The web tier fails open — a Redis outage must not lock every
 * user out — and says so in the log; Instagram-facing limits (a separate module beside this
 * one) must fail closed instead.
 */
type Window = Parameters<typeof Ratelimit.slidingWindow>[1];
type Policy = { tokens: number; window: Window };

export const WEB_LIMIT_POLICIES = {
  /** Password guessing: 10 attempts per IP per 15 minutes, successful or not. */
  signIn: () => ({ tokens: 10, window: "15 m" }),
  signUp: () => ({ tokens: 5, window: "1 h" }),
  /** Reset requests (email sending) and reset submissions (token guessing). */
  passwordReset: () => ({ tokens: 5, window: "15 m" }),
  /** Per API key, or per signed-in user on /api/v1 and dashboard mutations. */
  apiPrincipal: () => ({ tokens: env().API_RATE_LIMIT_PER_MINUTE, window: "1 m" }),
  apiTenant: () => ({ tokens: env().API_TENANT_RATE_LIMIT_PER_MINUTE, window: "1 m" }),
} satisfies Record<string, () => Policy>;

export type WebLimitName = keyof typeof WEB_LIMIT_POLICIES;

export type LimitVerdict = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the window has room again. */
  resetAt: number;
};

const store = globalThis as unknown as { __replyflowWebLimiters?: Map<WebLimitName, Ratelimit> };

function limiter(name: WebLimitName): Ratelimit {
  const cache = (store.__replyflowWebLimiters ??= new Map());
  let rl = cache.get(name);
  if (!rl) {
    const policy: Policy = WEB_LIMIT_POLICIES[name]();
    rl = new Ratelimit({
      redis: upstashRedisFromIORedis(redis()),
      limiter: Ratelimit.slidingWindow(policy.tokens, policy.window),
      prefix: key("rl", name),
      // An in-process cache would let each web replica admit its own extra requests.
      ephemeralCache: false,
      timeout: 1_000,
      analytics: false,
    });
    cache.set(name, rl);
  }
  return rl;
}

/** Consumes one request for `identifier` under the named policy. */
export async function checkWebLimit(name: WebLimitName, identifier: string): Promise<LimitVerdict> {
  try {
    const r = await limiter(name).limit(identifier);
    if (r.reason === "timeout") rootLogger().warn({ limiter: name }, "rate limiter timed out; failing open");
    return { allowed: r.success, limit: r.limit, remaining: r.remaining, resetAt: r.reset };
  } catch (err) {
    rootLogger().warn({ err, limiter: name }, "rate limiter unavailable; failing open");
    const limit = WEB_LIMIT_POLICIES[name]().tokens;
    return { allowed: true, limit, remaining: limit, resetAt: Date.now() };
  }
}

/** Seconds until `resetAt`, at least 1 (Retry-After and RateLimit-Reset are whole seconds). */
export function secondsUntil(resetAt: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((resetAt - now) / 1000));
}

/** IETF RateLimit header fields, plus Retry-After when the request was refused. */
export function rateLimitHeaders(v: LimitVerdict, now = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(v.limit),
    "RateLimit-Remaining": String(Math.max(0, v.remaining)),
    "RateLimit-Reset": String(secondsUntil(v.resetAt, now)),
  };
  if (!v.allowed) headers["Retry-After"] = headers["RateLimit-Reset"]!;
  return headers;
}

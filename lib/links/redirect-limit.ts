import { Ratelimit } from "@upstash/ratelimit";
import { rootLogger } from "@/lib/logger";
import { key, redis } from "@/lib/redis";
import { upstashRedisFromIORedis } from "@/lib/ratelimit/upstash-ioredis";

/**
 * A light per-IP limit on /r/<code>: generous for people (one tap per link), tight enough that
 * a script cannot inflate a workspace's click counts or turn the redirect into a write flood.
 * Built like lib/ratelimit/web-limits.ts (sliding window, shared across web replicas, fails
 * open on a Redis outage — a dead Redis must not break every link in every DM already sent).
 */
export const REDIRECT_LIMIT = { tokens: 60, window: "1 m" } as const;

const store = globalThis as unknown as { __replyflowRedirectLimiter?: Ratelimit };

function limiter(): Ratelimit {
  store.__replyflowRedirectLimiter ??= new Ratelimit({
    redis: upstashRedisFromIORedis(redis()),
    limiter: Ratelimit.slidingWindow(REDIRECT_LIMIT.tokens, REDIRECT_LIMIT.window),
    prefix: key("rl", "linkRedirect"),
    ephemeralCache: false,
    timeout: 500,
    analytics: false,
  });
  return store.__replyflowRedirectLimiter;
}

/** Seconds to wait when over the limit, else null. */
export async function redirectRetryAfter(ip: string): Promise<number | null> {
  try {
    const r = await limiter().limit(ip);
    return r.success ? null : Math.max(1, Math.ceil((r.reset - Date.now()) / 1000));
  } catch (err) {
    rootLogger().warn({ err }, "redirect limiter unavailable; failing open");
    return null;
  }
}

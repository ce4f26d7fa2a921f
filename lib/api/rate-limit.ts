import { checkWebLimit, rateLimitHeaders, secondsUntil, type LimitVerdict, type WebLimitName } from "@/lib/ratelimit/web-limits";
import { ApiError } from "./errors";

/** Consumes one request under the policy, or throws 429 `rate_limited` carrying RateLimit-* and Retry-After. */
export async function enforceLimit(name: WebLimitName, identifier: string): Promise<LimitVerdict> {
  const verdict = await checkWebLimit(name, identifier);
  if (!verdict.allowed) {
    const wait = secondsUntil(verdict.resetAt);
    throw new ApiError("rate_limited", `Too many requests. Try again in ${wait} seconds.`, { headers: rateLimitHeaders(verdict) });
  }
  return verdict;
}

import { describe, expect, it } from "vitest";
import { rateLimitHeaders, secondsUntil } from "@/lib/ratelimit/web-limits";
import { stripShebang } from "@/lib/ratelimit/upstash-ioredis";

describe("rate-limit maths and headers", () => {
  const now = 1_000_000;

  it("rounds the wait up to whole seconds, never below one", () => {
    expect(secondsUntil(now + 1, now)).toBe(1);
    expect(secondsUntil(now + 1_001, now)).toBe(2);
    expect(secondsUntil(now - 5_000, now)).toBe(1);
  });

  it("sends RateLimit-* on every answer and Retry-After only on a refusal", () => {
    expect(rateLimitHeaders({ allowed: true, limit: 10, remaining: 3, resetAt: now + 30_000 }, now)).toEqual({
      "RateLimit-Limit": "10",
      "RateLimit-Remaining": "3",
      "RateLimit-Reset": "30",
    });
    expect(rateLimitHeaders({ allowed: false, limit: 10, remaining: -1, resetAt: now + 4_500 }, now)).toEqual({
      "RateLimit-Limit": "10",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "5",
      "Retry-After": "5",
    });
  });

  it("strips only a leading shebang line from Lua scripts", () => {
    expect(stripShebang("#!lua flags=allow-key-locking\n  local key = KEYS[1]\n")).toBe("  local key = KEYS[1]\n");
    expect(stripShebang("local a = 1\n-- #!lua not a shebang\n")).toBe("local a = 1\n-- #!lua not a shebang\n");
  });
});

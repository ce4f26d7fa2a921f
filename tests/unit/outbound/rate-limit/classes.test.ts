import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, RATE_CLASSES, WINDOW_MARGIN_MS, limitsFor, paddedWindowMs } from "@/lib/outbound/rate-limit";

describe("limitsFor", () => {
  it("gives Meta's documented defaults for an account without overrides", () => {
    expect(limitsFor({})).toEqual({
      send: { limit: 100, windowMs: 1_000 },
      send_media: { limit: 10, windowMs: 1_000 },
      private_reply: { limit: 750, windowMs: 3_600_000 },
      comment_reply: { limit: 600, windowMs: 3_600_000 },
      conversations: { limit: 2, windowMs: 1_000 },
    });
    expect(Object.keys(limitsFor({})).sort()).toEqual([...RATE_CLASSES].sort());
  });

  it("takes each column of the account row as that class's limit, keeping Meta's window", () => {
    const l = limitsFor({ sendPerSecond: 300, mediaSendPerSecond: 5, privateRepliesPerHour: 200, commentRepliesPerHour: 50, conversationsPerSecond: 1 });
    expect(l.send).toEqual({ limit: 300, windowMs: 1_000 });
    expect(l.send_media.limit).toBe(5);
    expect(l.private_reply).toEqual({ limit: 200, windowMs: 3_600_000 });
    expect(l.comment_reply.limit).toBe(50);
    expect(l.conversations.limit).toBe(1);
  });

  it("falls back to the default for a missing, zero, negative or fractional override instead of stalling or lifting the limit", () => {
    const l = limitsFor({ sendPerSecond: 0, mediaSendPerSecond: -3, privateRepliesPerHour: null, commentRepliesPerHour: 2.5, conversationsPerSecond: Number.NaN });
    for (const cls of RATE_CLASSES) expect(l[cls]).toEqual(DEFAULT_LIMITS[cls]);
  });

  it("pads a window by the jitter margin (25 ms unless told otherwise)", () => {
    expect(WINDOW_MARGIN_MS).toBe(25);
    expect(paddedWindowMs(1_000)).toBe(1_025);
    expect(paddedWindowMs(3_600_000)).toBe(3_600_025);
    expect(paddedWindowMs(1_000, 0)).toBe(1_000);
  });
});

import { describe, expect, it } from "vitest";
import { estimateDrain, type ClassLoad } from "@/lib/dashboard/eta";
import { formatAgo, formatDuration } from "@/lib/dashboard/format";
import { parseRange } from "@/lib/dashboard/load-overview";
import { messagePreview } from "@/lib/dashboard/message-preview";

const HOUR = 3_600_000;
const cls = (over: Partial<ClassLoad>): ClassLoad => ({ cls: "private_reply", pending: 0, limit: 750, windowMs: HOUR, lastReservationAt: null, ...over });

describe("estimateDrain (the overview's queue ETA)", () => {
  it("is zero with nothing waiting, whatever the limiter says", () => {
    expect(estimateDrain({ backlog: 0, cooldownMs: 60_000, nowMs: 0, classes: [cls({ pending: 5 })] })).toEqual({ ms: 0, limitedBy: "none" });
  });

  it("sends that fit in the current window go out at once; one more waits a whole window", () => {
    expect(estimateDrain({ backlog: 750, cooldownMs: 0, nowMs: 0, classes: [cls({ pending: 750 })] }).ms).toBe(0);
    expect(estimateDrain({ backlog: 751, cooldownMs: 0, nowMs: 0, classes: [cls({ pending: 751 })] })).toEqual({ ms: HOUR, limitedBy: "private_reply" });
  });

  it("is paced by the slowest class", () => {
    const eta = estimateDrain({
      backlog: 3_000,
      cooldownMs: 0,
      nowMs: 0,
      classes: [cls({ cls: "send", pending: 3_000, limit: 100, windowMs: 1_000 }), cls({ pending: 1_600 })],
    });
    expect(eta).toEqual({ ms: 2 * HOUR, limitedBy: "private_reply" });
  });

  it("adds a cooldown before the pacing, and names it when it dominates", () => {
    expect(estimateDrain({ backlog: 5, cooldownMs: 90_000, nowMs: 0, classes: [cls({ cls: "send", pending: 5, limit: 100, windowMs: 1_000 })] })).toEqual({ ms: 90_000, limitedBy: "cooldown" });
    expect(estimateDrain({ backlog: 751, cooldownMs: 60_000, nowMs: 0, classes: [cls({ pending: 751 })] })).toEqual({ ms: HOUR + 60_000, limitedBy: "private_reply" });
  });

  it("never promises sooner than a slot already reserved further out", () => {
    expect(estimateDrain({ backlog: 1, cooldownMs: 0, nowMs: 1_000, classes: [cls({ pending: 1, lastReservationAt: 1_000 + 20 * 60_000 })] })).toEqual({ ms: 20 * 60_000, limitedBy: "private_reply" });
  });
});

describe("messagePreview", () => {
  it("reads public replies, DM parts and webhooks, and tolerates anything else", () => {
    expect(messagePreview({ text: "Sent you a DM!" })).toBe("Sent you a DM!");
    expect(messagePreview({ parts: [{ message: {}, echo: "https://img.example/a.jpg" }, { message: {}, echo: "Hi Anna" }] })).toBe("https://img.example/a.jpg · Hi Anna");
    expect(messagePreview({ webhook: { url: "https://hooks.example/x", body: {} } })).toBe("POST https://hooks.example/x");
    expect(messagePreview(null)).toBeNull();
    expect(messagePreview({ parts: [{}] })).toBeNull();
  });
});

describe("formatting", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  it("says durations the way a person would", () => {
    expect(formatDuration(8_000)).toBe("8 s");
    expect(formatDuration(4 * 60_000)).toBe("4 min");
    expect(formatDuration(125 * 60_000)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86_400_000)).toBe("3 days");
    expect(formatAgo(null, now)).toBe("never");
    expect(formatAgo(new Date(now.getTime() - 10_000), now)).toBe("just now");
    expect(formatAgo(new Date(now.getTime() - 5 * 60_000), now)).toBe("5 min ago");
  });

  it("opens a young workspace on 24 hours and an established one on 14 days, unless the URL says", () => {
    expect(parseRange(undefined, new Date(now.getTime() - 86_400_000), now)).toBe(1);
    expect(parseRange(undefined, new Date(now.getTime() - 10 * 86_400_000), now)).toBe(14);
    expect(parseRange("30", new Date(now.getTime() - 86_400_000), now)).toBe(30);
    expect(parseRange("13", new Date(now.getTime() - 10 * 86_400_000), now)).toBe(14);
  });
});

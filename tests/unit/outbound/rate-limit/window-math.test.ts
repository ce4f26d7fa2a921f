import { describe, expect, it } from "vitest";
import { decide, exceedsInAnyWindow, nextSlot, nextSlots, scaleLimit, usagePercent } from "@/lib/outbound/rate-limit/window-math";
import { rng } from "./random";

/** The definition, by brute force: a call at t is allowed iff fewer than `limit` grants lie in (t - W, t]. */
function naiveAllows(granted: number[], t: number, limit: number, windowUs: number): boolean {
  return granted.filter((g) => g > t - windowUs && g <= t).length < limit;
}

describe("decide (the acquire script's sliding-window log)", () => {
  it("grants `limit` calls, then refuses until the oldest leaves the padded window", () => {
    const log: number[] = [];
    const W = 1_025_000; // 1 s + 25 ms, in µs
    for (const t of [0, 100, 200]) {
      expect(decide(log, t, 3, W)).toEqual({ ok: true });
      log.push(t);
    }
    expect(decide(log, 1_000_000, 3, W)).toEqual({ ok: false, retryAfterMs: 25 });
    // 1 s after the first call is not enough: the margin holds it back.
    expect(decide(log, 1_024_999, 3, W)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(decide(log, 1_025_000, 3, W)).toEqual({ ok: true });
    expect(log).toEqual([100, 200]);
  });

  it("rounds a sub-millisecond wait up, so retrying after retryAfterMs always finds room", () => {
    const log = [1_000];
    const r = decide(log, 1_000_000, 1, 1_000_000);
    expect(r).toEqual({ ok: false, retryAfterMs: 1 });
    expect(decide(log, 1_000_000 + 1_000, 1, 1_000_000)).toEqual({ ok: true });
  });

  it("counts only `limit` newest when the limit shrank (usage): waits for the right entry", () => {
    const log = [0, 10_000, 20_000, 30_000];
    // Effective limit 2 with 4 calls in the window: free once index 2 (20 ms) leaves it.
    expect(decide(log, 40_000, 2, 1_000_000)).toEqual({ ok: false, retryAfterMs: 980 });
  });

  it("agrees with the brute-force definition on random traffic, and never lets any window overflow", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = rng(seed);
      const limit = 1 + r.int(20);
      const windowUs = 1_000 * (50 + r.int(1_000));
      const log: number[] = [];
      const granted: number[] = [];
      let t = 1_700_000_000_000_000;
      for (let i = 0; i < 3_000; i++) {
        t += r.int(windowUs / 5);
        const d = decide(log, t, limit, windowUs);
        expect(d.ok).toBe(naiveAllows(granted, t, limit, windowUs));
        if (d.ok) {
          log.push(t);
          granted.push(t);
        } else {
          // The promised wait is exact: one µs earlier would still be refused.
          const at = t + d.retryAfterMs * 1_000;
          expect(naiveAllows(granted, at, limit, windowUs)).toBe(true);
          expect(naiveAllows(granted, t + (d.retryAfterMs - 1) * 1_000, limit, windowUs)).toBe(false);
        }
      }
      expect(exceedsInAnyWindow(granted, limit, windowUs)).toBe(false);
      expect(granted.length).toBeGreaterThan(limit);
    }
  });
});

describe("nextSlot / nextSlots (the reserve script)", () => {
  it("schedules 750/h as bursts one padded hour apart: t[i] = t[i-750] + W exactly", () => {
    const W = 3_600_025;
    const times = nextSlots([], 1_000, 750, W, 2_000, 750);
    expect(times.slice(0, 750).every((t) => t === 1_000)).toBe(true);
    for (let i = 750; i < times.length; i++) expect(times[i]).toBe((times[i - 750] as number) + W);
    expect(exceedsInAnyWindow(times, 750, W)).toBe(false);
    // Over any 750 consecutive slots the pace is one per 4.8 s (+ the margin's 1/750).
    expect(((times[1_999] as number) - (times[1_249] as number)) / 750).toBeCloseTo(4_800.033, 3);
  });

  it("never goes before `floor` (now or the end of a cooldown) nor before the newest reservation", () => {
    expect(nextSlot([], 500, 2, 1_000)).toBe(500);
    expect(nextSlot([100, 900], 500, 5, 1_000)).toBe(900);
    expect(nextSlot([100, 900], 5_000, 2, 1_000)).toBe(5_000);
    expect(nextSlot([100, 900], 500, 2, 1_000)).toBe(1_100);
  });

  it("is the earliest append-only time that keeps every window within the limit (brute force, random)", () => {
    for (const seed of [11, 12, 13, 14]) {
      const r = rng(seed);
      const limit = 1 + r.int(8);
      const windowMs = 10 + r.int(200);
      const reserved: number[] = [];
      const all: number[] = [];
      let now = 0;
      for (let i = 0; i < 400; i++) {
        now += r.int(windowMs / 3);
        const t = nextSlot(reserved, now, limit, windowMs);
        // Earliest: one ms earlier (if still ≥ now and ≥ the newest) would overflow a window.
        const newest = all.length ? Math.max(...all) : -Infinity;
        if (t - 1 >= now && t - 1 >= newest) expect(exceedsInAnyWindow([...all, t - 1], limit, windowMs)).toBe(true);
        const [got] = nextSlots(reserved, now, limit, windowMs, 1, limit);
        expect(got).toBe(t);
        all.push(t);
        expect(reserved.length).toBeLessThanOrEqual(limit);
      }
      expect(exceedsInAnyWindow(all, limit, windowMs)).toBe(false);
    }
  });

  it("keeps `keep` (the base limit) entries so a lower effective limit still finds its limit-th newest", () => {
    const reserved: number[] = [];
    nextSlots(reserved, 0, 4, 100, 8, 4);
    expect(reserved).toEqual([100, 100, 100, 100]);
    // Usage now allows only 2 per window: one window after the 2nd newest.
    expect(nextSlot(reserved, 0, 2, 100)).toBe(200);
  });
});

describe("adaptive limits", () => {
  it("leaves the limit alone below 80 % and scales linearly to 25 % at 100 %", () => {
    expect(scaleLimit(100, 0)).toBe(100);
    expect(scaleLimit(100, 79)).toBe(100);
    expect(scaleLimit(100, 79.2)).toBe(100); // rounds up to 80: the percentage is Meta's integer
    expect(scaleLimit(100, 80)).toBe(100);
    expect(scaleLimit(100, 90)).toBe(62);
    expect(scaleLimit(100, 96)).toBe(40);
    expect(scaleLimit(100, 100)).toBe(25);
    expect(scaleLimit(100, 250)).toBe(25);
    expect(scaleLimit(750, 90)).toBe(468);
  });

  it("never scales to zero, so a throttled account still has a wake-up time", () => {
    expect(scaleLimit(2, 100)).toBe(1);
    expect(scaleLimit(1, 100)).toBe(1);
  });

  it("is monotone: more usage never raises the limit", () => {
    for (const base of [1, 2, 10, 100, 750]) {
      let prev = Infinity;
      for (let pct = 0; pct <= 120; pct++) {
        const l = scaleLimit(base, pct);
        expect(l).toBeLessThanOrEqual(prev);
        expect(l).toBeGreaterThanOrEqual(1);
        prev = l;
      }
    }
  });

  it("acts on the tightest of Meta's three figures, rounded up; unknown when none is given", () => {
    expect(usagePercent({ callCount: 12, totalCputime: 85.2, totalTime: 40 })).toBe(86);
    expect(usagePercent({ totalTime: 3 })).toBe(3);
    expect(usagePercent({})).toBeUndefined();
    expect(usagePercent({ callCount: Number.NaN })).toBeUndefined();
  });
});

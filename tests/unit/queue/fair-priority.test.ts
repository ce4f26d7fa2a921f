import { describe, expect, it } from "vitest";
import { MAX_PRIORITY, QUIET_VOLUME, priorityFor, recentVolume } from "@/lib/queue/fair-priority";

describe("priorityFor", () => {
  it("keeps quiet and ordinary busy accounts at the best priority", () => {
    expect(priorityFor(0)).toBe(1);
    expect(priorityFor(1)).toBe(1);
    expect(priorityFor(QUIET_VOLUME)).toBe(1);
  });

  it("sinks one step per doubling above the quiet volume", () => {
    expect(priorityFor(QUIET_VOLUME + 1)).toBe(2);
    expect(priorityFor(2 * QUIET_VOLUME)).toBe(2);
    expect(priorityFor(2 * QUIET_VOLUME + 1)).toBe(3);
    expect(priorityFor(4 * QUIET_VOLUME)).toBe(3);
    expect(priorityFor(50_000)).toBe(11); // a viral giveaway in 10 s
  });

  it("is monotone and capped within BullMQ's range", () => {
    let prev = 1;
    for (let n = 0; n < 5_000_000; n = Math.ceil(n * 1.3) + 1) {
      const p = priorityFor(n);
      expect(p).toBeGreaterThanOrEqual(prev);
      expect(p).toBeLessThanOrEqual(MAX_PRIORITY);
      prev = p;
    }
    expect(priorityFor(1e12)).toBe(MAX_PRIORITY);
    expect(MAX_PRIORITY).toBeLessThan(2_097_151);
  });

  it("treats nonsense counts as quiet rather than failing the enqueue", () => {
    expect(priorityFor(Number.NaN)).toBe(1);
    expect(priorityFor(-5)).toBe(1);
  });
});

describe("recentVolume", () => {
  it("weights the previous bucket by how much of it still lies in the last 10 s", () => {
    expect(recentVolume(10, 100, 0)).toBe(110);
    expect(recentVolume(10, 100, 2_500)).toBe(85);
    expect(recentVolume(10, 100, 10_000)).toBe(10);
    expect(recentVolume(10, 100, -50)).toBe(110);
  });
});

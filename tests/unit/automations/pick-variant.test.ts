import { describe, expect, it } from "vitest";
import { pickVariant } from "@/lib/automations/pick-variant";
import { seededRng } from "@/lib/automations/rng";

describe("pickVariant", () => {
  const variants = ["Sent! 📩", "Check your DMs", "Just messaged you", "In your inbox"];

  it("never repeats the variant used last on the post", () => {
    const rng = seededRng("post-1");
    let last: number | undefined;
    for (let i = 0; i < 500; i++) {
      const { index, value } = pickVariant(variants, last, rng);
      expect(index).not.toBe(last);
      expect(value).toBe(variants[index]);
      last = index;
    }
  });

  it("still reaches every other variant, roughly uniformly", () => {
    const rng = seededRng("uniform");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 3_000; i++) counts[pickVariant(variants, 2, rng).index]! += 1;
    expect(counts[2]).toBe(0);
    for (const i of [0, 1, 3]) expect(counts[i]).toBeGreaterThan(850);
  });

  it("skips over the last index at the edges of the rng range", () => {
    expect(pickVariant(["a", "b", "c"], 0, () => 0).index).toBe(1);
    expect(pickVariant(["a", "b", "c"], 2, () => 0.9999).index).toBe(1);
    expect(pickVariant(["a", "b", "c"], 1, () => 0.9999).index).toBe(2);
    expect(pickVariant(["a", "b", "c"], 0, () => 1).index).toBe(2); // a misbehaving rng stays in range
  });

  it("picks freely with no history, or a stale index from a shorter variant list", () => {
    expect(pickVariant(["a", "b"], undefined, () => 0).index).toBe(0);
    expect(pickVariant(["a", "b"], null, () => 0.7).index).toBe(1);
    expect(pickVariant(["a", "b"], 5, () => 0).index).toBe(0);
  });

  it("returns the only variant even if it was used last", () => {
    expect(pickVariant(["only"], 0, () => 0.5)).toEqual({ index: 0, value: "only" });
  });

  it("refuses an empty list", () => {
    expect(() => pickVariant([], undefined, () => 0)).toThrow(RangeError);
  });
});

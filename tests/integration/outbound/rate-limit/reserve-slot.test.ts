import { afterAll, describe, expect, it } from "vitest";
import { cooldown, recordUsage, reserveSlot, reserveSlots, type SlotReservation } from "@/lib/outbound/rate-limit";
import { rateKeys } from "@/lib/outbound/rate-limit/keys";
import { exceedsInAnyWindow, nextSlots } from "@/lib/outbound/rate-limit/window-math";
import { createRedis } from "@/lib/redis";
import { rng } from "../../../unit/outbound/rate-limit/random";

const pool = Array.from({ length: 4 }, () => createRedis("client"));
const r = pool[0]!;
afterAll(async () => {
  await Promise.all(pool.map((c) => c.quit()));
});

const HOUR = 3_600_000;
const PADDED_HOUR = HOUR + 25;

describe("reserveSlot: a viral backlog scheduled at its real send times", () => {
  it("2,000 private replies at 750/h: 4.8 s apart on average, t[i] = t[i-750] + 1 h exactly, no hour above 750", async () => {
    const input = { accountId: "viral", cls: "private_reply" as const, limit: 750, windowMs: HOUR };
    // Half in one batch call, half as single reservations racing over four connections.
    const batch = await reserveSlots(r, { ...input, n: 1_000 });
    const singles = await Promise.all(Array.from({ length: 1_000 }, (_, i) => reserveSlot(pool[i % pool.length]!, input)));
    const times = [...batch, ...singles].map((s) => s.at).sort((a, b) => a - b);

    expect(times).toHaveLength(2_000);
    expect(exceedsInAnyWindow(times, 750, HOUR)).toBe(false);
    for (let i = 750; i < times.length; i++) expect((times[i] as number) - (times[i - 750] as number)).toBe(PADDED_HOUR);
    const avgSpacing = ((times[1_999] as number) - (times[1_249] as number)) / 750;
    expect(avgSpacing).toBe(PADDED_HOUR / 750);
    expect(Math.abs(avgSpacing - 4_800)).toBeLessThan(0.05);

    // The delays are what BullMQ gets: the first 750 now, the next 750 an hour later, and so on.
    const delays = [...batch, ...singles].map((s) => s.delayMs).sort((a, b) => a - b);
    expect(delays[0]).toBe(0);
    expect(delays[749]!).toBeLessThan(5_000);
    expect(delays[750]!).toBeGreaterThan(HOUR - 5_000);
    expect(delays[1_999]!).toBeLessThanOrEqual(2 * PADDED_HOUR);
    expect(await r.zcard(rateKeys.reservations("viral", "private_reply"))).toBe(750);
  });

  it("agrees with the TypeScript model on random batches (explicit clock)", async () => {
    for (const seed of [31, 32, 33]) {
      const g = rng(seed);
      const accountId = `resv-model-${seed}`;
      const limit = 1 + g.int(10);
      const windowMs = 10 + g.int(5_000);
      const model: number[] = [];
      let now = 1_700_000_000_000;
      for (let i = 0; i < 60; i++) {
        now += g.int(windowMs);
        const n = 1 + g.int(6);
        const got = await reserveSlots(r, { accountId, cls: "send", limit, windowMs, now, n });
        const want = nextSlots(model, now, limit, windowMs + 25, n, limit);
        expect(got.map((s) => s.at)).toEqual(want);
        expect(got.map((s) => s.delayMs)).toEqual(want.map((t) => t - now));
      }
    }
  });

  it("schedules past an account's cooldown and at the adapted pace, without touching other accounts", async () => {
    await cooldown(r, "resv-cool", 30_000, "throttled:613");
    const [first] = await reserveSlots(r, { accountId: "resv-cool", cls: "send", limit: 100, windowMs: 1_000, n: 1 });
    expect(first!.delayMs).toBeGreaterThan(29_000);
    expect(first!.delayMs).toBeLessThanOrEqual(30_000);
    const other: SlotReservation = await reserveSlot(r, { accountId: "resv-free", cls: "send", limit: 100, windowMs: 1_000 });
    expect(other.delayMs).toBe(0);

    await recordUsage(r, "resv-hot", { callCount: 100 });
    const hot = await reserveSlots(r, { accountId: "resv-hot", cls: "send", limit: 100, windowMs: 1_000, n: 60 });
    // 25 per padded second instead of 100.
    expect(hot.filter((s) => s.delayMs === 0)).toHaveLength(25);
    expect(hot[25]!.at - hot[0]!.at).toBe(1_025);
    expect(exceedsInAnyWindow(hot.map((s) => s.at), 25, 1_025)).toBe(false);
  });

  it("splits batches beyond one script call's share and rejects nonsense", async () => {
    const many = await reserveSlots(r, { accountId: "resv-big", cls: "send", limit: 100, windowMs: 1_000, n: 4_500 });
    expect(many).toHaveLength(4_500);
    expect(exceedsInAnyWindow(many.map((s) => s.at), 100, 1_025)).toBe(false);
    expect(many[4_499]!.at - many[0]!.at).toBe(44 * 1_025);
    await expect(reserveSlots(r, { accountId: "x", cls: "send", limit: 0, windowMs: 1_000, n: 1 })).rejects.toThrow(RangeError);
    await expect(reserveSlots(r, { accountId: "x", cls: "send", limit: 1, windowMs: 1_000, n: -1 })).rejects.toThrow(RangeError);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { acquire, cooldown, cooldownState, effectiveLimit, recordUsage, release, type AcquireResult } from "@/lib/outbound/rate-limit";
import { rateKeys } from "@/lib/outbound/rate-limit/keys";
import { decide, scaleLimit } from "@/lib/outbound/rate-limit/window-math";
import { createRedis } from "@/lib/redis";
import { rng } from "../../../unit/outbound/rate-limit/random";

const r = createRedis("client");
const pool = Array.from({ length: 4 }, () => createRedis("client"));
afterAll(async () => {
  await Promise.all([r, ...pool].map((c) => c.quit()));
});

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

describe("acquire: the Lua script and its TypeScript model agree", () => {
  it("gives the same decision and the same retryAfter on random traffic (explicit clock)", async () => {
    for (const seed of [21, 22, 23]) {
      const g = rng(seed);
      const accountId = `model-${seed}`;
      const limit = 1 + g.int(12);
      // Seconds-long windows: the keys' PEXPIRE runs on Redis's real clock, so with sub-second
      // windows a loaded machine stalling between two calls let the log expire in real time
      // while the simulated clock still counted it (a test artefact, not a limiter bug).
      const windowMs = 5_000 + g.int(25_000);
      const windowUs = (windowMs + 25) * 1_000;
      const log: number[] = [];
      let nowUs = 1_700_000_000_000_000 + g.int(1_000_000);
      let grants = 0;
      for (let i = 0; i < 400; i++) {
        nowUs += g.int(windowUs / 4);
        const expected = decide(log, nowUs, limit, windowUs);
        const got = await acquire(r, { accountId, cls: "send", limit, windowMs, now: nowUs / 1_000 });
        if (expected.ok) {
          log.push(nowUs);
          grants++;
          expect(got).toMatchObject({ ok: true, atUs: nowUs, limit });
        } else {
          expect(got).toEqual({ ok: false, reason: "rate_limit", retryAfterMs: expected.retryAfterMs, limit });
        }
      }
      expect(grants).toBeGreaterThan(limit); // the sequence exercised both answers
      expect(await r.zcard(rateKeys.log(accountId, "send"))).toBeLessThanOrEqual(limit);
    }
  });

  it("uses Redis TIME when no clock is given, and the log never holds more than `limit`", async () => {
    const [time] = await r.time();
    const res = await acquire(r, { accountId: "clock", cls: "send_media", limit: 2, windowMs: 1_000 });
    expect(res.ok).toBe(true);
    if (res.ok) expect(Math.abs(res.at / 1_000 - Number(time))).toBeLessThan(2);
    await acquire(r, { accountId: "clock", cls: "send_media", limit: 2, windowMs: 1_000 });
    const third = await acquire(r, { accountId: "clock", cls: "send_media", limit: 2, windowMs: 1_000 });
    expect(third).toMatchObject({ ok: false, reason: "rate_limit" });
    if (!third.ok) expect(third.retryAfterMs).toBeGreaterThan(900);
    expect(await r.zcard(rateKeys.log("clock", "send_media"))).toBe(2);
    expect(await r.pttl(rateKeys.log("clock", "send_media"))).toBeGreaterThan(0); // the log cleans itself up
  });
});

describe("a lowered account limit", () => {
  it("applies at once and trims the log to the new limit's newest entries", async () => {
    const base = { accountId: "lowered", cls: "send" as const, windowMs: 60_000 };
    for (let i = 0; i < 10; i++) expect((await acquire(r, { ...base, limit: 10 })).ok).toBe(true);
    expect(await acquire(r, { ...base, limit: 3 })).toMatchObject({ ok: false, reason: "rate_limit", limit: 3 });
    expect(await r.zcard(rateKeys.log("lowered", "send"))).toBe(3);
  });
});

describe("1,000 accounts in parallel", () => {
  it("each gets exactly its own limit; no account's traffic touches another's", async () => {
    const accounts = Array.from({ length: 1_000 }, (_, i) => ({ id: `iso-${i}`, limit: 1 + (i % 5) }));
    // 6 calls per account, all in flight at once over 4 connections: 6,000 script calls.
    const calls = accounts.flatMap((a, i) =>
      Array.from({ length: 6 }, (_, k) => acquire(pool[(i + k) % pool.length]!, { accountId: a.id, cls: "send", limit: a.limit, windowMs: 60_000 })),
    );
    const results = await Promise.all(calls);
    for (const [i, a] of accounts.entries()) {
      const mine = results.slice(i * 6, i * 6 + 6);
      expect(mine.filter((x) => x.ok)).toHaveLength(a.limit);
      for (const d of mine.filter((x): x is Extract<AcquireResult, { ok: false }> => !x.ok)) {
        expect(d.reason).toBe("rate_limit");
        expect(d.retryAfterMs).toBeGreaterThan(55_000);
        expect(d.retryAfterMs).toBeLessThanOrEqual(60_025);
      }
    }
    // The private-reply class of the same accounts is untouched.
    expect((await acquire(r, { accountId: "iso-0", cls: "private_reply", limit: 1, windowMs: 3_600_000 })).ok).toBe(true);
  });
});

describe("cooldown", () => {
  it("blocks only that account, reports how long, and is never shortened", async () => {
    const state = await cooldown(r, "cool-a", 1_500, "throttled:613");
    expect(state).toMatchObject({ active: true, reason: "throttled:613" });
    const blocked = await acquire(r, { accountId: "cool-a", cls: "send", limit: 100, windowMs: 1_000 });
    expect(blocked).toMatchObject({ ok: false, reason: "cooldown" });
    if (!blocked.ok) {
      expect(blocked.retryAfterMs).toBeGreaterThan(1_300);
      expect(blocked.retryAfterMs).toBeLessThanOrEqual(1_500);
    }
    expect((await acquire(r, { accountId: "cool-b", cls: "send", limit: 100, windowMs: 1_000 })).ok).toBe(true);

    const notShortened = await cooldown(r, "cool-a", 200, "milder");
    expect(notShortened).toMatchObject({ active: true, reason: "throttled:613" });
    if (notShortened.active) expect(notShortened.remainingMs).toBeGreaterThan(1_000);
    const longer = await cooldown(r, "cool-a", 60_000, "throttled:80002");
    expect(longer).toMatchObject({ active: true, reason: "throttled:80002" });
    if (longer.active) expect(longer.remainingMs).toBeGreaterThan(59_000);
    expect(await cooldownState(r, "cool-b")).toEqual({ active: false });
  });

  it("ends by itself, and the account sends again", async () => {
    await cooldown(r, "cool-c", 150, "throttled:17");
    expect((await acquire(r, { accountId: "cool-c", cls: "send", limit: 5, windowMs: 1_000 })).ok).toBe(false);
    await sleep(200);
    expect(await cooldownState(r, "cool-c")).toEqual({ active: false });
    expect((await acquire(r, { accountId: "cool-c", cls: "send", limit: 5, windowMs: 1_000 })).ok).toBe(true);
  });
});

describe("adaptive limits from X-Business-Use-Case-Usage", () => {
  it("shrinks the limit inside the same script at high usage and recovers as usage drops", async () => {
    const input = { accountId: "usage-a", cls: "send" as const, limit: 100, windowMs: 60_000 };
    await recordUsage(r, "usage-a", { callCount: 100, totalCputime: 20, totalTime: 20 });
    expect(await effectiveLimit(r, "usage-a", "send", 100)).toBe(25);
    const first = await Promise.all(Array.from({ length: 40 }, () => acquire(r, input)));
    expect(first.filter((x) => x.ok)).toHaveLength(25);
    expect(first.find((x) => !x.ok)).toMatchObject({ reason: "rate_limit", limit: 25 });

    await recordUsage(r, "usage-a", { callCount: 90 });
    expect(await effectiveLimit(r, "usage-a", "send", 100)).toBe(scaleLimit(100, 90));
    await recordUsage(r, "usage-a", { callCount: 30 });
    const second = await Promise.all(Array.from({ length: 80 }, () => acquire(r, input)));
    expect(second.filter((x) => x.ok)).toHaveLength(75); // back to 100 in the window
    expect(await effectiveLimit({ pct: 96 }, "usage-a", "send", 100)).toBe(40);
  });

  it("forgets a stale reading, and turns a regain time into a cooldown that is not shortened", async () => {
    await recordUsage(r, "usage-b", { totalTime: 100 }, { ttlMs: 150 });
    expect(await effectiveLimit(r, "usage-b", "private_reply", 750)).toBe(187);
    await sleep(200);
    expect(await effectiveLimit(r, "usage-b", "private_reply", 750)).toBe(750);

    const res = await recordUsage(r, "usage-b", { callCount: 100, estimatedTimeToRegainAccessMs: 19 * 60_000 });
    expect(res.pct).toBe(100);
    expect(res.cooldownMs).toBe(19 * 60_000);
    expect(await cooldownState(r, "usage-b")).toMatchObject({ active: true, reason: "usage" });
    expect(await acquire(r, { accountId: "usage-b", cls: "send", limit: 100, windowMs: 1_000 })).toMatchObject({ ok: false, reason: "cooldown" });
    expect((await recordUsage(r, "usage-b", { estimatedTimeToRegainAccessMs: 60_000 })).cooldownMs).toBeGreaterThan(18 * 60_000);
  });
});

describe("release", () => {
  it("gives back exactly the slot of a call that never left, once", async () => {
    const input = { accountId: "rel", cls: "conversations" as const, limit: 2, windowMs: 60_000 };
    const a = await acquire(r, input);
    const b = await acquire(r, input);
    expect((await acquire(r, input)).ok).toBe(false);
    if (!a.ok || !b.ok) throw new Error("expected two grants");
    expect(await release(r, { accountId: "rel", cls: "conversations", token: a.token })).toBe(true);
    expect(await release(r, { accountId: "rel", cls: "conversations", token: a.token })).toBe(false);
    expect((await acquire(r, input)).ok).toBe(true);
    expect((await acquire(r, input)).ok).toBe(false);
  });
});

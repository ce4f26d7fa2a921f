import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/lib/simulator";
import { BucketWindow, ExactWindow } from "@/lib/simulator/rate-limit";
import { Rng } from "@/lib/simulator/rng";
import { call, dm, graphError, privateReply, startSim } from "./helpers";

/** Naive reference: would accepting a call at `t` put more than `limit` accepted calls in (t - w, t]? */
function breaches(accepted: number[], t: number, limit: number, windowMs: number): boolean {
  return accepted.filter((a) => a > t - windowMs).length >= limit;
}

describe("sliding windows", () => {
  it("ExactWindow admits exactly `limit` calls in any window of its length", () => {
    const w = new ExactWindow(3, 1_000);
    expect([0, 0, 10].map((t) => w.tryAcquire(t))).toEqual([true, true, true]);
    expect(w.tryAcquire(999)).toBe(false);
    expect(w.msUntilFree(999)).toBe(1);
    expect(w.tryAcquire(1_000)).toBe(true);
    expect(w.tryAcquire(1_000)).toBe(true);
    expect(w.tryAcquire(1_009)).toBe(false);
    expect(w.tryAcquire(1_010)).toBe(true);
  });

  it("ExactWindow agrees with the naive definition on random traffic", () => {
    const rng = new Rng(7);
    for (const [limit, windowMs] of [[5, 100], [100, 1_000], [2, 1_000]] as const) {
      const w = new ExactWindow(limit, windowMs);
      const accepted: number[] = [];
      let t = 0;
      for (let i = 0; i < 5_000; i++) {
        t += rng.int(windowMs / 10);
        const expected = !breaches(accepted, t, limit, windowMs);
        expect(w.tryAcquire(t)).toBe(expected);
        if (expected) accepted.push(t);
      }
    }
  });

  it("BucketWindow only rejects when the limit really was reached within the window", () => {
    const rng = new Rng(11);
    const limit = 200;
    const windowMs = 10_000;
    const w = new BucketWindow(limit, windowMs);
    const accepted: number[] = [];
    let rejections = 0;
    let t = 1_000_000;
    for (let i = 0; i < 20_000; i++) {
      t += rng.int(80); // about 250 calls per window against a limit of 200
      if (w.tryAcquire(t)) accepted.push(t);
      else {
        rejections++;
        expect(breaches(accepted, t, limit, windowMs)).toBe(true);
      }
    }
    expect(rejections).toBeGreaterThan(0);
  });
});

describe("per-account limits over HTTP", () => {
  let sim: Simulator;
  let account: string;
  let token: string;
  beforeEach(async () => {
    sim = await startSim({ usageHeaderThresholdPct: 50 });
    account = sim.testAccount?.id as string;
    token = sim.testAccount?.token as string;
  });
  afterEach(() => sim.close());

  it("answers 613 past the send limit and counts each violation", async () => {
    sim.admin.setLimits(account, { sendText: { limit: 5, windowMs: 60_000 } });
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "hi" });
    for (let i = 0; i < 5; i++) expect((await dm(sim, token, userId)).status).toBe(200);
    const over = await dm(sim, token, userId);
    expect(graphError(over)).toMatchObject({ code: 613, is_transient: true });
    await dm(sim, token, userId);
    const stats = sim.state.stats();
    expect(stats.violations.total).toBe(2);
    expect(stats.violations.byClass.sendText).toBe(2);
    expect(stats.perAccount[account]?.violations).toBe(2);
    expect(stats.totals.dm).toBe(5);
    sim.admin.advanceClock(60_000);
    expect((await dm(sim, token, userId)).status).toBe(200);
  });

  it("counts media sends against their own 10/s-style limit", async () => {
    sim.admin.setLimits(account, { sendMedia: { limit: 1, windowMs: 60_000 } });
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "hi" });
    const video = { recipient: { id: userId }, message: { attachment: { type: "video", payload: { url: "https://cdn.example.com/v.mp4" } } } };
    const post = () => call(sim, "POST", "/v25.0/me/messages", { token, json: video });
    expect((await post()).status).toBe(200);
    expect(graphError(await post()).code).toBe(613);
    expect((await dm(sim, token, userId)).status).toBe(200);
  });

  it("limits private replies per hour with 613", async () => {
    sim.admin.setLimits(account, { privateReply: { limit: 2, windowMs: 3_600_000 } });
    const ids = [1, 2, 3].map(() => sim.admin.act({ type: "comment", accountId: account, text: "me!" }).commentId as string);
    expect((await privateReply(sim, token, ids[0] as string)).status).toBe(200);
    expect((await privateReply(sim, token, ids[1] as string)).status).toBe(200);
    expect(graphError(await privateReply(sim, token, ids[2] as string)).code).toBe(613);
    expect(sim.state.violations.byClass.privateReply).toBe(1);
  });

  it("answers 80002 on the BUC budget with the wait in X-Business-Use-Case-Usage", async () => {
    sim.admin.setLimits(account, { buc: { limit: 4, windowMs: 3_600_000 } });
    const first = await call(sim, "GET", "/v25.0/me", { token });
    expect(first.headers.get("x-business-use-case-usage")).toBeNull();
    await call(sim, "GET", "/v25.0/me", { token });
    const third = await call(sim, "GET", "/v25.0/me", { token });
    const usage = JSON.parse(third.headers.get("x-business-use-case-usage") as string);
    expect(usage[account][0]).toMatchObject({ type: "instagram", call_count: 75, estimated_time_to_regain_access: 0 });
    await call(sim, "GET", "/v25.0/me", { token });
    const over = await call(sim, "GET", "/v25.0/me", { token });
    expect(graphError(over)).toMatchObject({ code: 80002 });
    const blocked = JSON.parse(over.headers.get("x-business-use-case-usage") as string);
    expect(blocked[account][0].call_count).toBe(100);
    expect(blocked[account][0].estimated_time_to_regain_access).toBe(60);
    expect(sim.state.violations.byClass.buc).toBe(1);
  });

  it("emits X-App-Usage past the threshold and code 4 past the app budget", async () => {
    sim.admin.setConfig({ appLimit: { limit: 3, windowMs: 60_000 } });
    await call(sim, "GET", "/v25.0/me", { token });
    const second = await call(sim, "GET", "/v25.0/me", { token });
    expect(JSON.parse(second.headers.get("x-app-usage") as string)).toEqual({ call_count: 66, total_cputime: 66, total_time: 66 });
    await call(sim, "GET", "/v25.0/me", { token });
    expect(graphError(await call(sim, "GET", "/v25.0/me", { token })).code).toBe(4);
    expect(sim.state.violations.byClass.app).toBe(1);
  });

  it("does not count calls during an injected throttle as violations", async () => {
    sim.admin.throttle(account, { seconds: 120, scope: "buc" });
    const res = await call(sim, "GET", "/v25.0/me", { token });
    expect(graphError(res).code).toBe(80002);
    expect(JSON.parse(res.headers.get("x-business-use-case-usage") as string)[account][0].estimated_time_to_regain_access).toBe(2);
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "hi" });
    expect((await dm(sim, token, userId)).status).toBe(200);
    expect(sim.state.violations.total).toBe(0);
    expect(sim.state.violations.duringThrottle).toBe(1);
  });
});

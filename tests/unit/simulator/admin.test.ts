import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/lib/simulator";
import { call, dm, privateReply, startSim } from "./helpers";

let sim: Simulator;
beforeEach(async () => {
  sim = await startSim({ caps: { sends: 100 } });
});
afterEach(() => sim.close());

describe("admin HTTP API", () => {
  it("answers bad input with a 400 in Meta's envelope, listing the zod issues", async () => {
    const res = await call(sim, "POST", "/__admin/accounts", { json: { id: "not-numeric", dmsEnabled: "yes" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "SimulatorAdminException", code: 100, fbtrace_id: expect.any(String) });
    expect(res.body.error.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["dmsEnabled", "id"]);
    expect((await call(sim, "POST", "/__admin/faults", { json: { kind: "slow" } })).status).toBe(400);
    expect((await call(sim, "GET", "/__admin/nothing-here")).status).toBe(404);
  });

  it("sets up a world, acts as users and queries the send record by recipient, comment and kind", async () => {
    const created = await call(sim, "POST", "/__admin/accounts", { json: { username: "shop_a", subscribedFields: ["comments"], limits: { sendText: { limit: 500, windowMs: 1_000 } } } });
    expect(created.status).toBe(200);
    const { account, token } = created.body;
    expect(account.limits.sendText.limit).toBe(500);
    const users = await call(sim, "POST", "/__admin/users", { json: { users: [{ accountId: account.id, username: "u1" }, { accountId: account.id, username: "u2" }] } });
    const [u1, u2] = users.body.data.map((u: { igsid: string }) => u.igsid) as [string, string];
    const acted = await call(sim, "POST", "/__admin/actions", {
      json: { actions: [{ type: "dm", accountId: account.id, userId: u1, text: "hi" }, { type: "comment", accountId: account.id, userId: u2, text: "PRICE" }] },
    });
    const commentId = acted.body.data[1].commentId as string;
    await dm(sim, token, u1);
    await dm(sim, token, u1);
    await privateReply(sim, token, commentId);
    const byRecipient = await call(sim, "GET", `/__admin/sends?account=${account.id}&recipient=${u1}&kind=dm`);
    expect(byRecipient.body.count).toBe(2);
    const byComment = await call(sim, "GET", `/__admin/sends?comment_id=${commentId}&kind=private_reply,dm`);
    expect(byComment.body.data).toMatchObject([{ kind: "private_reply", recipientId: u2, commentId, endpoint: "POST /me/messages", messageId: expect.any(String) }]);
    expect((await call(sim, "GET", "/__admin/sends?kind=bogus")).status).toBe(400);
    const stats = (await call(sim, "GET", "/__admin/stats")).body;
    expect(stats).toMatchObject({ totals: { dm: 2, private_reply: 1 }, total: 3, duplicates: 0, violations: { total: 0 } });
    expect(stats.perAccount[account.id]).toMatchObject({ dm: 2, private_reply: 1, violations: 0 });
  });

  it("caps the record while totals keep counting, and reset brings back a clean test account", async () => {
    const accountId = sim.testAccount?.id as string;
    const token = sim.testAccount?.token as string;
    sim.admin.setLimits(accountId, { sendText: { limit: 1_000, windowMs: 1_000 } });
    const { userId } = sim.admin.act({ type: "dm", accountId, text: "hi" });
    for (let i = 0; i < 150; i++) await dm(sim, token, userId, `n${i}`);
    expect(sim.state.sends.query()).toHaveLength(100);
    expect(sim.state.sends.query()[0]?.text).toBe("n50");
    expect(sim.state.stats()).toMatchObject({ total: 150, world: { evictedSends: 50 } });
    await call(sim, "POST", "/__admin/clock", { json: { advanceMs: 5_000 } });
    expect(sim.admin.clock().offsetMs).toBe(5_000);
    expect((await call(sim, "POST", "/__admin/reset")).status).toBe(200);
    expect(sim.state.stats().total).toBe(0);
    expect(sim.admin.clock().offsetMs).toBe(0);
    expect(sim.state.world.accounts.size).toBe(1);
    expect((await call(sim, "GET", "/v25.0/me", { token: sim.testAccount?.token })).status).toBe(200);
  });

  it("reports the error catalogue and the webhook settings", async () => {
    const errors = (await call(sim, "GET", "/__admin/errors")).body.data as { code: number; subcode: number | null }[];
    expect(errors).toEqual(expect.arrayContaining([{ key: "outsideWindow", code: 10, subcode: 2534022, type: "OAuthException", transient: false }]));
    const patched = await call(sim, "POST", "/__admin/webhooks", { json: { maxBatch: 7 } });
    expect(patched.body).toMatchObject({ maxBatch: 7, lingerMs: 5, timeoutMs: 5_000 });
  });
});

describe("request limits", () => {
  it("answers an oversized body with 413 in Meta's envelope", async () => {
    const res = await call(sim, "POST", "/v25.0/me/messages", { token: sim.testAccount?.token, json: { recipient: { id: "1" }, message: { text: "x".repeat(1_100_000) } } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe(100);
  });
});

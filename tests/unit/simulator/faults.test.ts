import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/lib/simulator";
import { call, dm, graphError, privateReply, startReceiver, startSim, type Receiver } from "./helpers";

let sim: Simulator;
let receiver: Receiver;
let account: string;
let token: string;
let user: string;
beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startSim({
    testAccount: { subscribedFields: ["messages", "comments"] },
    webhooks: { callbackUrl: receiver.url, lingerMs: 1, retry: { preset: "compressed" } },
  });
  account = sim.testAccount?.id as string;
  token = sim.testAccount?.token as string;
  user = sim.admin.act({ type: "dm", accountId: account, text: "hi" }).userId;
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

describe("fault injection", () => {
  it("sent-but-errored: delivers, records and echoes, then answers 1/1357046", async () => {
    sim.admin.addFault({ kind: "sent_but_errored", endpoint: "dm" });
    const res = await dm(sim, token, user, "ambiguous");
    expect(res.status).toBe(500);
    expect(graphError(res)).toMatchObject({ code: 1, error_subcode: 1357046, is_transient: true });
    const sent = sim.state.sends.query({ recipient: user, kind: "dm" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ text: "ambiguous", erroredAfterSend: true });
    await sim.emitter.flush();
    const echo = receiver.items().find((i) => i.message?.is_echo);
    expect(echo?.message.mid).toBe(sent[0]?.messageId);
    expect((await dm(sim, token, user, "next")).status).toBe(200);
  });

  it("sent-but-errored on a private reply still uses up the comment", async () => {
    const { commentId } = sim.admin.act({ type: "comment", accountId: account, text: "link?" });
    sim.admin.addFault({ kind: "sent_but_errored", endpoint: "private_reply" });
    expect(graphError(await privateReply(sim, token, commentId as string)).error_subcode).toBe(1357046);
    expect(graphError(await privateReply(sim, token, commentId as string)).error_subcode).toBe(2534025);
    expect(sim.state.sends.count({ commentId, kind: "private_reply" })).toBe(1);
  });

  it("resets the connection without sending anything", async () => {
    sim.admin.addFault({ kind: "reset", accountId: account, endpoint: "messages" });
    await expect(dm(sim, token, user)).rejects.toThrow();
    expect(sim.state.sends.count({ kind: "dm" })).toBe(0);
    expect((await dm(sim, token, user)).status).toBe(200);
  });

  it("answers transient code 2 with HTTP 503 for the next N calls", async () => {
    sim.admin.addFault({ kind: "transient", code: 2, count: 2, endpoint: "messages" });
    for (let i = 0; i < 2; i++) {
      const res = await dm(sim, token, user);
      expect(res.status).toBe(503);
      expect(graphError(res)).toMatchObject({ code: 2, is_transient: true });
    }
    expect((await dm(sim, token, user)).status).toBe(200);
    expect(sim.state.sends.count({ kind: "dm" })).toBe(1);
  });

  it("revokes the token mid-run: 190/460 from then on", async () => {
    sim.admin.addFault({ kind: "revoke_token", accountId: account, skip: 2 });
    expect((await dm(sim, token, user)).status).toBe(200);
    expect((await call(sim, "GET", "/v25.0/me", { token })).status).toBe(200);
    expect(graphError(await dm(sim, token, user))).toMatchObject({ code: 190, error_subcode: 460 });
    expect(graphError(await call(sim, "GET", "/v25.0/me", { token }))).toMatchObject({ code: 190, error_subcode: 460 });
  });

  it("slows a call down but still performs it", async () => {
    sim.admin.addFault({ kind: "slow", delayMs: 250, endpoint: "dm" });
    const started = Date.now();
    const res = await dm(sim, token, user);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("throttles an account for X seconds with 613 and leaves other accounts alone", async () => {
    const other = sim.admin.createAccount();
    const otherUser = sim.admin.act({ type: "dm", accountId: other.account.id, text: "hi" }).userId;
    sim.admin.addFault({ kind: "throttle", accountId: account, seconds: 30, throttleScope: "messaging" });
    expect(graphError(await dm(sim, token, user)).code).toBe(613);
    expect(graphError(await dm(sim, token, user)).code).toBe(613);
    expect((await dm(sim, other.token, otherUser)).status).toBe(200);
    sim.admin.advanceClock(30_000);
    expect((await dm(sim, token, user)).status).toBe(200);
    expect(sim.state.violations.total).toBe(0);
  });

  it("respects endpoint and account targeting and probabilities", async () => {
    const other = sim.admin.createAccount();
    sim.admin.addFault({ kind: "transient", endpoint: "private_reply", probability: 1 });
    sim.admin.addFault({ kind: "transient", accountId: other.account.id, probability: 0 });
    expect((await dm(sim, token, user)).status).toBe(200);
    expect((await call(sim, "GET", "/v25.0/me", { token: other.token })).status).toBe(200);
    const { commentId } = sim.admin.act({ type: "comment", accountId: account, text: "x" });
    expect(graphError(await privateReply(sim, token, commentId as string)).code).toBe(1);
    expect(sim.admin.faults().map((f) => f.fired)).toEqual([1, 0]);
  });
});

describe("localisation", () => {
  it("changes the message text but never the code or subcode", async () => {
    const en = graphError(await dm(sim, token, "1999999999999999"));
    sim.admin.setConfig({ locale: "ja" });
    const ja = graphError(await dm(sim, token, "1999999999999999"));
    expect(ja.message).not.toBe(en.message);
    expect(ja.message).toBe("一致するユーザーが見つかりません");
    expect({ code: ja.code, sub: ja.error_subcode, type: ja.type }).toEqual({ code: en.code, sub: en.error_subcode, type: en.type });
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/lib/simulator";
import { call, graphError, privateReply, startReceiver, startSim, type Receiver } from "./helpers";

let sim: Simulator;
let receiver: Receiver;
let account: string;
let token: string;
beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startSim({ testAccount: { subscribedFields: ["comments"] }, webhooks: { callbackUrl: receiver.url, lingerMs: 1 } });
  account = sim.testAccount?.id as string;
  token = sim.testAccount?.token as string;
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

const comment = (extra: Record<string, unknown> = {}) => sim.admin.act({ type: "comment", accountId: account, text: "Love it", ...extra });
const reply = (id: string, message = "Thanks! ✨") => call(sim, "POST", `/v25.0/${id}/replies?${new URLSearchParams({ message })}`, { token });

describe("public replies", () => {
  it("returns {id} and emits the account's own comment with self_ig_scoped_id", async () => {
    const { commentId } = comment();
    const res = await reply(commentId as string);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    await sim.emitter.flush();
    const own = receiver.items().find((v) => v.id === res.body.id);
    expect(own).toMatchObject({ from: { id: account, username: "replyflow_demo", self_ig_scoped_id: expect.any(String) }, parent_id: commentId, text: "Thanks! ✨" });
    expect(sim.state.sends.query({ kind: "comment_reply", commentId })).toHaveLength(1);
  });

  it("attaches a reply to a reply to the top-level comment, and takes message from a form body", async () => {
    const top = comment();
    const child = comment({ parentId: top.commentId });
    const res = await call(sim, "POST", `/v25.0/${child.commentId}/replies`, { token, form: { message: "hi" } });
    expect(res.status).toBe(200);
    expect((await call(sim, "GET", `/v25.0/${res.body.id}?fields=parent_id`, { token })).body.parent_id).toBe(top.commentId);
  });

  it("rejects hidden and live comments and a missing message", async () => {
    const hidden = comment();
    await call(sim, "POST", `/v25.0/${hidden.commentId}?hide=true`, { token });
    expect(graphError(await reply(hidden.commentId as string)).code).toBe(100);
    const live = comment({ live: true });
    expect(graphError(await reply(live.commentId as string)).message).toMatch(/live/);
    expect(graphError(await call(sim, "POST", `/v25.0/${comment().commentId}/replies`, { token })).message).toMatch(/message is required/);
    expect(sim.state.sends.count({ kind: "comment_reply" })).toBe(0);
  });
});

describe("moderation and reads", () => {
  it("hides and unhides, requiring the hide parameter", async () => {
    const { commentId } = comment();
    expect(graphError(await call(sim, "POST", `/v25.0/${commentId}`, { token })).message).toBe("(#100) The parameter hide is required");
    expect((await call(sim, "POST", `/v25.0/${commentId}?hide=true`, { token })).body).toEqual({ success: true });
    expect((await call(sim, "GET", `/v25.0/${commentId}?fields=hidden`, { token })).body).toEqual({ id: commentId, hidden: true });
    await call(sim, "POST", `/v25.0/${commentId}`, { token, json: { hide: false } });
    expect((await call(sim, "GET", `/v25.0/${commentId}?fields=hidden`, { token })).body.hidden).toBe(false);
    expect(sim.state.sends.query({ commentId }).map((s) => s.kind)).toEqual(["hide", "unhide"]);
  });

  it("deletes: the comment is then gone for reads and private replies", async () => {
    const { commentId } = comment();
    expect((await call(sim, "DELETE", `/v25.0/${commentId}`, { token })).body).toEqual({ success: true });
    expect(graphError(await call(sim, "GET", `/v25.0/${commentId}`, { token }))).toMatchObject({ code: 100, error_subcode: 33 });
    expect(graphError(await privateReply(sim, token, commentId as string)).error_subcode).toBe(2534014);
    expect(sim.state.sends.count({ kind: "delete", commentId })).toBe(1);
  });

  it("reads the documented fields and refuses unknown ones and other accounts' comments", async () => {
    const { commentId, userId } = comment({ username: "ana.silva" });
    const res = await call(sim, "GET", `/v25.0/${commentId}?fields=id,text,timestamp,hidden,parent_id,from,username,media`, { token });
    expect(res.body).toMatchObject({ id: commentId, text: "Love it", hidden: false, from: { id: userId, username: "ana.silva" }, username: "ana.silva", media: { media_product_type: "FEED" } });
    expect(res.body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    expect(res.body).not.toHaveProperty("parent_id");
    expect(graphError(await call(sim, "GET", `/v25.0/${commentId}?fields=id,shoe_size`, { token })).message).toMatch(/nonexisting field \(shoe_size\)/);
    const other = sim.admin.createAccount();
    expect(graphError(await call(sim, "GET", `/v25.0/${commentId}`, { token: other.token }))).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

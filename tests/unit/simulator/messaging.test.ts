import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/lib/simulator";
import { DAY, dm, graphError, HOUR, privateReply, send, startSim } from "./helpers";

let sim: Simulator;
let account: string;
let token: string;
beforeEach(async () => {
  sim = await startSim();
  account = sim.testAccount?.id as string;
  token = sim.testAccount?.token as string;
});
afterEach(() => sim.close());

const commentFrom = (userId?: string, extra: Record<string, unknown> = {}) =>
  sim.admin.act({ type: "comment", accountId: account, userId, text: "PRICE please", ...extra });

describe("24-hour window engine", () => {
  it("rejects an unknown IGSID with 100/2534014", async () => {
    expect(graphError(await dm(sim, token, "1999999999999999"))).toMatchObject({ code: 100, error_subcode: 2534014 });
  });

  it("keeps the window closed for someone who only commented (10/2534022)", async () => {
    const { userId } = commentFrom();
    const res = await dm(sim, token, userId);
    expect(graphError(res)).toMatchObject({ code: 10, error_subcode: 2534022, message: "This message is sent outside of allowed window." });
    expect(sim.state.sends.count({ kind: "dm" })).toBe(0);
  });

  it("opens on a DM, closes 24 h later, reopens on the next DM", async () => {
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "hi" });
    const ok = await dm(sim, token, userId);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ recipient_id: userId, message_id: expect.stringMatching(/^aWdf/) });
    sim.admin.advanceClock(DAY - 1_000);
    expect((await dm(sim, token, userId)).status).toBe(200);
    sim.admin.advanceClock(1_000);
    expect(graphError(await dm(sim, token, userId))).toMatchObject({ code: 10, error_subcode: 2534022 });
    sim.admin.act({ type: "dm", accountId: account, userId, text: "still there?" });
    expect((await dm(sim, token, userId)).status).toBe(200);
  });

  it("is also opened by a postback, a quick-reply tap and an ig.me referral, but not by a reaction", async () => {
    const openers = [
      { type: "postback", title: "Prices", payload: "PRICES" },
      { type: "dm", text: "Yes", quickReply: { payload: "QR_YES" } },
      { type: "referral", ref: "spring" },
    ] as const;
    for (const action of openers) {
      const { userId } = sim.admin.act({ ...action, accountId: account });
      expect((await dm(sim, token, userId)).status, action.type).toBe(200);
    }
    const { userId } = commentFrom();
    sim.admin.act({ type: "reaction", accountId: account, userId, mid: "some-mid" });
    expect(graphError(await dm(sim, token, userId)).error_subcode).toBe(2534022);
  });

  it("allows HUMAN_AGENT for 7 days only with the feature, else a permission error", async () => {
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "help" });
    sim.admin.advanceClock(3 * DAY);
    const tagged = { recipient: { id: userId }, message: { text: "An agent here" }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" };
    const denied = graphError(await send(sim, token, tagged));
    expect(denied.code).toBe(10);
    expect(denied.error_subcode).toBeUndefined();
    sim.admin.updateAccount(account, { humanAgent: true });
    expect((await send(sim, token, tagged)).status).toBe(200);
    sim.admin.advanceClock(5 * DAY);
    expect(graphError(await send(sim, token, tagged)).error_subcode).toBe(2534022);
  });

  it("answers 551 for a blocked user, 200/2534041 with DMs disabled, 100/2534037 for a handed-over thread", async () => {
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "hi" });
    sim.admin.updateUser(userId, { blocked: true });
    expect(graphError(await dm(sim, token, userId)).code).toBe(551);
    sim.admin.updateUser(userId, { blocked: false });
    sim.admin.updateAccount(account, { dmsEnabled: false });
    expect(graphError(await dm(sim, token, userId))).toMatchObject({ code: 200, error_subcode: 2534041 });
    sim.admin.updateAccount(account, { dmsEnabled: true });
    sim.admin.updateUser(userId, { threadOwner: "other" });
    expect(graphError(await dm(sim, token, userId))).toMatchObject({ code: 100, error_subcode: 2534037 });
  });
});

describe("private replies", () => {
  it("allows exactly one per comment and returns the commenter's IGSID", async () => {
    const { commentId, userId } = commentFrom();
    const first = await privateReply(sim, token, commentId as string);
    expect(first.status).toBe(200);
    expect(first.body.recipient_id).toBe(userId);
    const second = await privateReply(sim, token, commentId as string);
    expect(graphError(second)).toMatchObject({ code: 100, error_subcode: 2534025 });
    expect(sim.state.sends.query({ commentId, kind: "private_reply" })).toHaveLength(1);
    expect(sim.state.stats().duplicates).toBe(0);
  });

  it("rejects comments older than 7 days, by clock or by age", async () => {
    const { commentId } = commentFrom();
    sim.admin.advanceClock(7 * DAY + 60_000);
    expect(graphError(await privateReply(sim, token, commentId as string)).error_subcode).toBe(2534025);
    const old = commentFrom(undefined, { ageMs: 7 * DAY + 1 });
    expect(graphError(await privateReply(sim, token, old.commentId as string)).error_subcode).toBe(2534025);
    const fresh = commentFrom(undefined, { ageMs: 6 * DAY });
    expect((await privateReply(sim, token, fresh.commentId as string)).status).toBe(200);
  });

  it("rejects deleted and unknown comments with 100/2534014", async () => {
    const { commentId } = commentFrom();
    const del = await fetch(`${sim.url}/v25.0/${commentId}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(del.status).toBe(200);
    expect(graphError(await privateReply(sim, token, commentId as string))).toMatchObject({ code: 100, error_subcode: 2534014 });
    expect(graphError(await privateReply(sim, token, "17999999999999999"))).toMatchObject({ code: 100, error_subcode: 2534014 });
  });

  it("answers live comments only while the broadcast runs", async () => {
    const a = commentFrom(undefined, { live: true });
    const b = commentFrom(undefined, { live: true });
    expect((await privateReply(sim, token, a.commentId as string)).status).toBe(200);
    const media = sim.admin.comment(b.commentId as string).mediaId;
    sim.admin.updateMedia(media, { liveActive: false });
    expect(graphError(await privateReply(sim, token, b.commentId as string)).error_subcode).toBe(2534025);
  });

  it("blocks further DMs until the person writes back, then opens a 24 h window", async () => {
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "hello" });
    const { commentId } = commentFrom(userId);
    expect((await privateReply(sim, token, commentId as string)).status).toBe(200);
    expect(graphError(await dm(sim, token, userId)).error_subcode).toBe(2534022);
    sim.admin.advanceClock(HOUR);
    sim.admin.act({ type: "dm", accountId: account, userId, text: "thanks!" });
    expect((await dm(sim, token, userId)).status).toBe(200);
  });
});

describe("message validation", () => {
  let user: string;
  beforeEach(() => {
    user = sim.admin.act({ type: "dm", accountId: account, text: "hi" }).userId;
  });

  const msg = (message: unknown) => send(sim, token, { recipient: { id: user }, message });

  it("counts the 1000-byte text limit in UTF-8 bytes, not characters", async () => {
    expect((await msg({ text: "a".repeat(1000) })).status).toBe(200);
    expect(graphError(await msg({ text: "a".repeat(1001) })).code).toBe(100);
    expect((await msg({ text: "€".repeat(333) })).status).toBe(200); // 999 bytes
    const euros = await msg({ text: "€".repeat(334) }); // 334 characters, 1002 bytes
    expect(graphError(euros)).toMatchObject({ code: 100 });
    expect(graphError(euros).message).toMatch(/1000/);
    expect(graphError(await msg({ text: "😀".repeat(251) })).code).toBe(100); // 1004 bytes
  });

  it("limits quick replies to 13 with titles of at most 20 characters", async () => {
    const qr = (n: number, title = "Option") => Array.from({ length: n }, (_, i) => ({ content_type: "text", title, payload: `P${i}` }));
    expect((await msg({ text: "Pick", quick_replies: qr(13) })).status).toBe(200);
    expect(graphError(await msg({ text: "Pick", quick_replies: qr(14) })).code).toBe(100);
    expect(graphError(await msg({ text: "Pick", quick_replies: qr(1, "x".repeat(21)) })).code).toBe(100);
    expect(graphError(await msg({ text: "Pick", quick_replies: [{ content_type: "user_email" }] })).code).toBe(100);
  });

  it("limits button templates to 3 buttons and generic templates to 10 elements", async () => {
    const button = (i: number) => ({ type: "postback", title: `B${i}`, payload: `P${i}` });
    const buttons = (n: number) => ({ attachment: { type: "template", payload: { template_type: "button", text: "Choose", buttons: Array.from({ length: n }, (_, i) => button(i)) } } });
    expect((await msg(buttons(3))).status).toBe(200);
    expect(graphError(await msg(buttons(4))).code).toBe(100);
    const generic = (n: number) => ({
      attachment: { type: "template", payload: { template_type: "generic", elements: Array.from({ length: n }, (_, i) => ({ title: `Item ${i}`, buttons: [button(i)] })) } },
    });
    expect((await msg(generic(10))).status).toBe(200);
    expect(graphError(await msg(generic(11))).code).toBe(100);
  });

  it("sends images, like_heart and sender actions; rejects bad URLs and mixed bodies", async () => {
    expect((await msg({ attachment: { type: "image", payload: { url: "https://cdn.example.com/a.png" } } })).body.message_id).toBeTypeOf("string");
    expect(graphError(await msg({ attachment: { type: "image", payload: { url: "not a url" } } })).code).toBe(100);
    expect((await msg({ attachment: { type: "like_heart" } })).status).toBe(200);
    expect(graphError(await msg({ text: "x", attachment: { type: "like_heart" } })).code).toBe(100);
    for (const action of ["typing_on", "typing_off", "mark_seen"]) {
      const res = await send(sim, token, { recipient: { id: user }, sender_action: action });
      expect(res.body).toEqual({ recipient_id: user });
    }
    const react = await send(sim, token, { recipient: { id: user }, sender_action: "react", payload: { message_id: "mid-1", reaction: "love" } });
    expect(react.status).toBe(200);
    expect(graphError(await send(sim, token, { recipient: { id: user }, sender_action: "react" })).code).toBe(100);
    expect(graphError(await send(sim, token, { recipient: { id: user }, sender_action: "dance" })).code).toBe(100);
    expect(sim.state.sends.count({ kind: "sender_action" })).toBe(4);
  });

  it("accepts recipient and message as form-encoded JSON text too", async () => {
    const res = await fetch(`${sim.url}/v25.0/me/messages`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${token}` },
      body: new URLSearchParams({ recipient: JSON.stringify({ id: user }), message: JSON.stringify({ text: "form" }) }),
    });
    expect(res.status).toBe(200);
  });
});

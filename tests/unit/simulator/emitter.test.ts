import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { EmitterConfigInput, Simulator } from "@/lib/simulator";
import { dm, startReceiver, startSim, type Json, type Receiver, type Reply } from "./helpers";

const SECRET = "sim-instagram-app-secret";
const FIELDS = ["comments", "live_comments", "messages", "messaging_postbacks", "message_reactions", "messaging_seen", "message_edit", "messaging_referral"] as const;

let sim: Simulator | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function setup(webhooks: EmitterConfigInput = {}, reply?: (n: number) => Reply) {
  receiver = await startReceiver({ reply: reply && ((_, n) => reply(n)) });
  sim = await startSim({
    testAccount: { subscribedFields: [...FIELDS] },
    webhooks: { callbackUrl: receiver.url, lingerMs: 5, retry: { preset: "compressed" }, ...webhooks },
  });
  return { sim, receiver, account: sim.testAccount?.id as string, token: sim.testAccount?.token as string };
}

const hmac = (raw: Buffer) => "sha256=" + createHmac("sha256", SECRET).update(raw).digest("hex");

describe("signature and encoding", () => {
  it("signs the exact raw bytes, escaping non-ASCII (emoji as surrogate pairs) and slashes", async () => {
    const { sim, receiver, account } = await setup();
    sim.admin.act({ type: "comment", accountId: account, text: "Café 😍 ¿precio? https://x.io/a" });
    await sim.emitter.flush();
    const post = receiver.posts()[0];
    expect(post?.headers["content-type"]).toBe("application/json");
    expect(post?.headers["x-hub-signature-256"]).toBe(hmac(post?.raw as Buffer));
    const text = (post?.raw as Buffer).toString("utf8");
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    expect(text).toContain("Caf\\u00e9 \\ud83d\\ude0d \\u00bfprecio?");
    expect(text).toContain("https:\\/\\/x.io\\/a");
    const parsed = JSON.parse(text);
    expect(parsed.entry[0].changes[0].value.text).toBe("Café 😍 ¿precio? https://x.io/a");
    // A receiver that re-serialises before checking gets a different digest.
    expect(hmac(Buffer.from(JSON.stringify(parsed)))).not.toBe(post?.headers["x-hub-signature-256"]);
  });

  it("uses changes[] for comments (seconds) and messaging[] for DMs (milliseconds)", async () => {
    const { sim, receiver, account } = await setup();
    const c = sim.admin.act({ type: "comment", accountId: account, text: "hi", ad: { adId: "123", adTitle: "Sale" } });
    const d = sim.admin.act({ type: "dm", accountId: account, userId: c.userId, text: "hello", replyToStory: { id: "s1", url: "https://cdn.example.com/s1" } });
    await sim.emitter.flush();
    const entries: Json[] = receiver.posts().flatMap((p) => p.json.entry);
    const change = entries.find((e) => e.changes);
    const messaging = entries.find((e) => e.messaging);
    expect(change.time).toBeLessThan(1e11);
    expect(change.changes[0]).toMatchObject({
      field: "comments",
      value: { id: c.commentId, text: "hi", from: { id: c.userId }, media: { media_product_type: "AD", ad_id: "123", ad_title: "Sale" } },
    });
    expect(messaging.time).toBeGreaterThan(1e12);
    expect(messaging.messaging[0]).toMatchObject({
      sender: { id: c.userId },
      recipient: { id: account },
      message: { mid: d.mid, text: "hello", reply_to: { story: { id: "s1" } } },
    });
    expect(messaging.messaging[0].timestamp).toBeGreaterThan(1e12);
  });

  it("sends the flat envelope and the dashboard test form on demand", async () => {
    const { sim, receiver, account } = await setup({ commentEnvelope: "flat" });
    sim.admin.act({ type: "comment", accountId: account, text: "flat" });
    sim.admin.sendTestWebhook("messages");
    await sim.emitter.flush();
    const entries: Json[] = receiver.posts().flatMap((p) => p.json.entry);
    expect(entries.find((e) => e.field === "comments")?.value.text).toBe("flat");
    const test = entries.find((e) => e.id === "0");
    expect(test.changes[0].field).toBe("messages");
    expect(test.changes[0].value.message.text).toBe("random_text");
  });
});

describe("delivery", () => {
  it("batches several entries and several items per entry", async () => {
    const { sim, receiver, account } = await setup({ maxBatch: 10, lingerMs: 30 });
    const other = sim.admin.createAccount({ subscribedFields: ["comments"] }).account.id;
    for (let i = 0; i < 12; i++) sim.admin.act({ type: "comment", accountId: i % 2 ? account : other, text: `c${i}` });
    await sim.emitter.flush();
    const posts = receiver.posts();
    expect(posts).toHaveLength(2);
    const first = posts[0]?.json.entry as Json[];
    expect(first.map((e) => e.id).sort()).toEqual([account, other].sort());
    expect(first.every((e) => e.changes.length === 5)).toBe(true);
    expect(receiver.items()).toHaveLength(12);
    expect(sim.emitter.counters()).toMatchObject({ posted: 2, acknowledged: 2, eventsDelivered: 12 });
  });

  it("injects duplicates on demand", async () => {
    const { sim, receiver, account } = await setup({ duplicateProbability: 1 });
    const { mid } = sim.admin.act({ type: "dm", accountId: account, text: "twice" });
    await sim.emitter.flush();
    expect(receiver.items().filter((i) => i.message?.mid === mid)).toHaveLength(2);
    expect(sim.emitter.counters().duplicated).toBe(1);
  });

  it("reorders a batch on demand", async () => {
    const { sim, receiver, account } = await setup({ reorderProbability: 1, lingerMs: 50, maxBatch: 100 });
    const texts = Array.from({ length: 20 }, (_, i) => `m${i}`);
    for (const text of texts) sim.admin.act({ type: "dm", accountId: account, text });
    await sim.emitter.flush();
    const got = receiver.items().map((i) => i.message.text);
    expect([...got].sort()).toEqual([...texts].sort());
    expect(got).not.toEqual(texts);
  });

  it("retries a 500 at once and then with backoff until acknowledged", async () => {
    const { sim, receiver, account } = await setup({}, (n) => ({ status: n < 2 ? 500 : 200 }));
    sim.admin.act({ type: "comment", accountId: account, text: "retry me" });
    await sim.emitter.flush();
    const posts = receiver.posts();
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.raw.toString()))).toHaveProperty("size", 1);
    expect(sim.emitter.counters()).toMatchObject({ posted: 3, retried: 2, acknowledged: 1, failed: 0, eventsDelivered: 1 });
  });

  it("treats a slow answer as a failure and gives up after the horizon", async () => {
    const { sim, account } = await setup({ timeoutMs: 50, retry: { delaysMs: [0, 20], horizonMs: 300 } }, () => ({ status: 200, delayMs: 150 }));
    sim.admin.act({ type: "comment", accountId: account, text: "too slow" });
    await sim.emitter.flush();
    const c = sim.emitter.counters();
    expect(c.acknowledged).toBe(0);
    expect(c.failed).toBe(1);
    expect(c.eventsFailed).toBe(1);
    expect(c.retried).toBeGreaterThanOrEqual(2);
  });

  it("delivers only subscribed fields of subscribed accounts", async () => {
    const { sim, receiver, account } = await setup();
    sim.admin.updateAccount(account, { subscribedFields: ["comments"] });
    const silent = sim.admin.createAccount().account.id;
    sim.admin.act({ type: "dm", accountId: account, text: "not delivered" });
    sim.admin.act({ type: "comment", accountId: silent, text: "not delivered either" });
    sim.admin.act({ type: "comment", accountId: account, text: "delivered" });
    await sim.emitter.flush();
    expect(receiver.items().map((i) => i.text)).toEqual(["delivered"]);
    expect(sim.emitter.counters().filtered).toBe(2);
  });

  it("puts events of a handed-over thread in standby[]", async () => {
    const { sim, receiver, account } = await setup();
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "first" });
    sim.admin.updateUser(userId, { threadOwner: "other" });
    sim.admin.act({ type: "postback", accountId: account, userId, title: "Menu", payload: "MENU" });
    await sim.emitter.flush();
    const standby = receiver.posts().flatMap((p) => p.json.entry).find((e: Json) => e.standby);
    expect(standby.standby[0].postback).toEqual({ mid: expect.any(String), title: "Menu" });
  });
});

describe("echoes and own comments", () => {
  it("echoes every accepted send as is_echo with the returned message id", async () => {
    const { sim, receiver, account, token } = await setup();
    const { userId } = sim.admin.act({ type: "dm", accountId: account, text: "hi" });
    const res = await dm(sim, token, userId, "Here you go");
    await sim.emitter.flush();
    const echo = receiver.items().find((i) => i.message?.is_echo);
    expect(echo).toMatchObject({ sender: { id: account }, recipient: { id: userId }, message: { mid: res.body.message_id, text: "Here you go", is_echo: true } });
  });
});

describe("handshake and signed requests", () => {
  it("passes only when the endpoint answers 200 with exactly the challenge", async () => {
    const { sim } = await setup();
    const ok = await sim.emitter.verify();
    expect(ok.ok).toBe(true);
    expect(ok.challenge).toMatch(/^\d+$/);
    const bad = await sim.emitter.verify({ verifyToken: "wrong" });
    expect(bad).toMatchObject({ ok: false, status: 403 });
  });

  it("signs deauthorize callbacks and then fails the account's tokens with 190/458", async () => {
    const { sim, receiver, account, token } = await setup({}, () => ({ status: 200, body: JSON.stringify({ url: "https://app/status", confirmation_code: "abc" }) }));
    const result = await sim.admin.deauthorize(account, receiver.url);
    expect(result.json).toEqual({ url: "https://app/status", confirmation_code: "abc" });
    const post = receiver.posts()[0];
    const signed = new URLSearchParams(post?.raw.toString()).get("signed_request") as string;
    const [sig, payload] = signed.split(".") as [string, string];
    expect(createHmac("sha256", SECRET).update(payload).digest("base64url")).toBe(sig);
    const data = JSON.parse(Buffer.from(payload, "base64url").toString());
    expect(data).toMatchObject({ algorithm: "HMAC-SHA256", user_id: sim.admin.account(account).appScopedId });
    expect(data.expires).toBeGreaterThan(data.issued_at);
    const me = await fetch(`${sim.url}/v25.0/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me.json()).error).toMatchObject({ code: 190, error_subcode: 458 });
  });
});

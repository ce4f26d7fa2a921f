import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import { defaultReceiver } from "@/lib/ingest/default-receiver";
import { MAX_WEBHOOK_BYTES } from "@/lib/ingest/webhook-receiver";
import { queue } from "@/lib/queue/queues";
import { key, redis } from "@/lib/redis";
import { seedPlans } from "@/prisma/seed-data";
import { useTestDatabase } from "../../helpers/isolation";
import { commentPayload, dmPayload, metaJson, sign } from "../../helpers/webhooks";

const IG = "17841400000000001";
const GONE = "17841400000000002";
const secret = () => process.env.INSTAGRAM_APP_SECRET!;

async function post(payload: unknown, opts: { signature?: string; raw?: Buffer } = {}) {
  const body = opts.raw ?? Buffer.from(metaJson(payload));
  return defaultReceiver().handle({
    method: "POST",
    query: new URLSearchParams(),
    signature: opts.signature ?? sign(body, secret()),
    body,
  });
}
const jobs = () => queue("events").getJobs(["waiting", "prioritized", "delayed", "active"]);

describe("webhook receiver (real Redis, real MySQL)", () => {
  let tenantId: string;
  let accountId: string;

  beforeAll(async () => {
    await useTestDatabase();
    const plans = await seedPlans();
    tenantId = (await primary().tenant.create({ data: { name: "A", slug: "a", planId: plans.free } })).id;
    accountId = (await primary().instagramAccount.create({ data: { tenantId, igUserId: IG, username: "shop", subscribedFields: [] } })).id;
    await primary().instagramAccount.create({ data: { tenantId, igUserId: GONE, username: "gone", subscribedFields: [], status: "disconnected" } });
  });
  beforeEach(async () => {
    await queue("events").obliterate({ force: true });
  });

  it("answers the verification handshake with the raw challenge, and 403 on a wrong token", async () => {
    const ok = await defaultReceiver().handle({
      method: "GET",
      query: new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": process.env.WEBHOOK_VERIFY_TOKEN!, "hub.challenge": "1158201444" }),
      signature: undefined,
      body: undefined,
    });
    expect(ok).toMatchObject({ status: 200, body: "1158201444" });
    const bad = await defaultReceiver().handle({
      method: "GET",
      query: new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "1" }),
      signature: undefined,
      body: undefined,
    });
    expect(bad.status).toBe(403);
  });

  it("enqueues a signed comment routed to its workspace, with non-ASCII text intact", async () => {
    const r = await post(commentPayload(IG, { id: "c-1", text: "Prix? café 🔥 цена" }));
    expect(r.status).toBe(200);
    const [job, ...rest] = await jobs();
    expect(rest).toHaveLength(0);
    expect(job!.data).toMatchObject({ tenantId, accountId, igUserId: IG, event: { kind: "comment", commentId: "c-1", text: "Prix? café 🔥 цена", dedupeKey: "c:c-1" } });
  });

  it("turns five deliveries of the same event, even concurrent, into one job", async () => {
    const payload = commentPayload(IG, { id: "c-dup", text: "PRICE" });
    const results = await Promise.all(Array.from({ length: 5 }, () => post(payload)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await jobs()).toHaveLength(1);
  });

  it("rejects a bad or missing signature with 401 and enqueues nothing", async () => {
    expect((await post(commentPayload(IG, { id: "c-2", text: "x" }), { signature: "sha256=" + "0".repeat(64) })).status).toBe(401);
    const body = Buffer.from(metaJson(commentPayload(IG, { id: "c-3", text: "x" })));
    const missing = await defaultReceiver().handle({ method: "POST", query: new URLSearchParams(), signature: undefined, body });
    expect(missing).toMatchObject({ status: 401, contentType: "application/problem+json" });
    expect(JSON.parse(missing.body)).toMatchObject({ code: "invalid_signature" });
    expect(await jobs()).toHaveLength(0);
  });

  it("rejects a signature over re-serialised JSON (the bytes as sent are what count)", async () => {
    const payload = commentPayload(IG, { id: "c-4", text: "café" });
    const sentBytes = Buffer.from(metaJson(payload)); // Meta's escaped form
    const reserialised = JSON.stringify(payload); // what a careless receiver would hash
    expect((await post(payload, { raw: sentBytes, signature: sign(reserialised, secret()) })).status).toBe(401);
  });

  it("answers 413 over 1 MiB, 400 on bad JSON or shape", async () => {
    const big = Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 0x20);
    expect((await post(null, { raw: big })).status).toBe(413);
    expect((await post(null, { raw: Buffer.from("{not json") })).status).toBe(400);
    expect((await post({ object: "instagram", entry: "nope" })).status).toBe(400);
    expect(await jobs()).toHaveLength(0);
  });

  it("acknowledges unknown objects, echoes and unknown or disconnected accounts without enqueuing", async () => {
    expect((await post({ object: "page", entry: [{ id: "1", time: 1, changes: [] }] })).status).toBe(200);
    expect((await post(dmPayload(IG, { mid: "m-echo", text: "our own reply", echo: true }))).status).toBe(200);
    expect((await post(commentPayload("17849999999999999", { id: "c-5", text: "hi" }))).status).toBe(200);
    expect((await post(commentPayload(GONE, { id: "c-6", text: "hi" }))).status).toBe(200);
    // The echo never becomes an automation event (the loop guard); it is kept only as a
    // record-echo job, which reconciles our own ambiguous sends.
    const queued = await jobs();
    expect(queued.filter((j) => j.name === "process-event")).toHaveLength(0);
    expect(queued.map((j) => j.name)).toEqual(["record-echo"]);
  });

  it("still routes when Redis lost the account directory (falls back to MySQL)", async () => {
    await redis().del(key("ig", "directory"));
    expect((await post(dmPayload(IG, { mid: "m-after-flush", text: "hello" }))).status).toBe(200);
    expect((await jobs()).map((j) => j.data.event.dedupeKey)).toEqual(["m:m-after-flush"]);
  });
});

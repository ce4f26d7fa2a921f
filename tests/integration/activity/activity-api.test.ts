import { beforeAll, describe, expect, it } from "vitest";
import * as messagesRoute from "@/app/api/v1/messages/route";
import * as runsRoute from "@/app/api/v1/runs/route";
import * as lookupRoute from "@/app/api/v1/runs/lookup/route";
import { encodeCursor } from "@/lib/api/pagination";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, roomyPlan, type TenantFx } from "../api/helpers/world";
import { createAccount, createAutomationRow, createContact, createInteraction } from "./fixtures";

let A: TenantFx;
let B: TenantFx;
let account: string;
let automation: string;
const key = () => ({ authorization: A.keys.full.auth });
const messages = (query: Record<string, string>, headers: Record<string, string> = key()) => call(messagesRoute, "GET", { path: "/api/v1/messages", headers, query });
const runs = (query: Record<string, string>) => call(runsRoute, "GET", { path: "/api/v1/runs", headers: key(), query });
const lookup = (query: Record<string, string>) => call(lookupRoute, "GET", { path: "/api/v1/runs/lookup", headers: key(), query });
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((r) => r.id);

async function pageAll(fetch: (q: Record<string, string>) => ReturnType<typeof messages>, query: Record<string, string>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await fetch({ ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status, res.text).toBe(200);
    seen.push(...ids(res));
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return seen;
}

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
  account = (await createAccount(A.tenant.id)).id;
  automation = (await createAutomationRow(A.tenant.id, account, { name: "Price list" })).id;
});

describe("keyset pagination of runs and messages", () => {
  it("returns every row exactly once, newest first, when many rows share one timestamp", async () => {
    const acc = (await createAccount(A.tenant.id)).id;
    const auto = (await createAutomationRow(A.tenant.id, acc)).id;
    const same = new Date(Date.now() - 3_600_000);
    const older = new Date(same.getTime() - 1);
    for (let i = 0; i < 11; i++) await createInteraction(A.tenant.id, { accountId: acc, automationId: auto, at: i < 8 ? same : older, messages: [{ status: "sent" }] });
    const all = await pageAll((q) => messages(q), { accountId: acc, limit: "3" });
    expect(all).toHaveLength(11);
    expect(new Set(all).size).toBe(11);
    // Newest first, ties broken by id descending: the same order as one big page.
    const single = await messages({ accountId: acc, limit: "100" });
    expect(all).toEqual(ids(single));
    const createdAts = single.body.data.map((m: { createdAt: string }) => m.createdAt);
    expect(createdAts.slice(0, 8).every((t: string) => t === same.toISOString())).toBe(true);
    const runIds = await pageAll((q) => runs(q), { accountId: acc, limit: "4" });
    expect(runIds).toHaveLength(11);
    expect(new Set(runIds).size).toBe(11);
  });

  it("does not repeat rows on the next page when a newer row arrives between requests", async () => {
    const acc = (await createAccount(A.tenant.id)).id;
    const auto = (await createAutomationRow(A.tenant.id, acc)).id;
    for (let i = 0; i < 4; i++) await createInteraction(A.tenant.id, { accountId: acc, automationId: auto, at: new Date(Date.now() - 10_000 + i), messages: [{ status: "sent" }] });
    const first = await messages({ accountId: acc, limit: "2" });
    await createInteraction(A.tenant.id, { accountId: acc, automationId: auto, messages: [{ status: "sent" }] });
    const second = await messages({ accountId: acc, limit: "2", cursor: first.body.nextCursor });
    expect(ids(second).some((id: string) => ids(first).includes(id))).toBe(false);
    expect(second.body.nextCursor).toBeNull();
  });

  it("answers 422 for a cursor it did not issue", async () => {
    for (const cursor of ["garbage", encodeCursor({ createdAt: new Date(), id: "cl0abc" })]) {
      const res = await messages({ cursor });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe("cursor");
    }
  });
});

describe("filters", () => {
  it("filters messages by status, kind, automation and time range, and runs by outcome", async () => {
    const acc = (await createAccount(A.tenant.id)).id;
    const a1 = (await createAutomationRow(A.tenant.id, acc)).id;
    const a2 = (await createAutomationRow(A.tenant.id, acc)).id;
    const t0 = Date.now() - 7_200_000;
    await createInteraction(A.tenant.id, { accountId: acc, automationId: a1, at: new Date(t0), messages: [{ kind: "public_reply", status: "sent" }, { status: "failed", reason: "Instagram refused it" }] });
    await createInteraction(A.tenant.id, { accountId: acc, automationId: a2, at: new Date(t0 + 60_000), messages: [{ status: "skipped", reason: "Over your plan's monthly DM limit (1,000)" }] });
    await createInteraction(A.tenant.id, { accountId: acc, automationId: a2, at: new Date(t0 + 120_000), outcome: "skipped", reason: "Outside active hours" });
    const statuses = (await messages({ accountId: acc, status: "failed,skipped" })).body.data.map((m: { status: string; reason: string }) => [m.status, m.reason]);
    expect(statuses).toEqual([["skipped", "Over your plan's monthly DM limit (1,000)"], ["failed", "Instagram refused it"]]);
    const replies = await messages({ accountId: acc, kind: "public_reply" });
    expect(replies.body.data).toEqual([
      expect.objectContaining({ kind: "public_reply", status: "sent", content: { text: "Here is the price list" }, automationId: a1, automationName: expect.any(String), runId: expect.stringMatching(/^\d+$/) }),
    ]);
    expect((await messages({ automationId: a2 })).body.data).toHaveLength(1);
    const ranged = await messages({ accountId: acc, from: new Date(t0 + 1).toISOString(), to: new Date(t0 + 61_000).toISOString() });
    expect(ranged.body.data.map((m: { automationId: string }) => m.automationId)).toEqual([a2]);
    const skippedRuns = await runs({ accountId: acc, outcome: "skipped" });
    expect(skippedRuns.body.data.map((r: { reason: string }) => r.reason)).toEqual(["Outside active hours"]);
    expect(skippedRuns.body.data[0]).toMatchObject({ automationId: a2, webhookEventId: expect.stringMatching(/^\d+$/), id: expect.stringMatching(/^\d+$/) });
  });

  it("answers 422 for unknown statuses and 404 for another workspace's account or automation", async () => {
    const bad = await messages({ status: "sent,lost" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("status.1");
    const theirAccount = (await createAccount(B.tenant.id)).id;
    const theirAutomation = (await createAutomationRow(B.tenant.id, theirAccount)).id;
    await createInteraction(B.tenant.id, { accountId: theirAccount, automationId: theirAutomation, messages: [{ status: "sent" }] });
    for (const q of [{ accountId: theirAccount }, { automationId: theirAutomation }] as Record<string, string>[]) {
      const res = await messages(q);
      expect(res.status).toBe(404);
      expect((await runs(q)).status).toBe(404);
    }
  });

  it("never shows another workspace's rows, whatever the filter", async () => {
    const theirAccount = (await createAccount(B.tenant.id)).id;
    const theirAutomation = (await createAutomationRow(B.tenant.id, theirAccount)).id;
    const theirContact = await createContact(B.tenant.id, theirAccount, { username: "shared_name" });
    const { commentId } = await createInteraction(B.tenant.id, { accountId: theirAccount, automationId: theirAutomation, contactId: theirContact.id, messages: [{ status: "sent" }] });
    expect((await messages({ username: "shared_name" })).body.data).toEqual([]);
    expect((await messages({ commentId })).body.data).toEqual([]);
    const all = await pageAll((q) => messages(q), { limit: "100" });
    const theirs = await call(messagesRoute, "GET", { path: "/api/v1/messages", headers: { authorization: B.keys.full.auth }, query: { limit: "100" } });
    expect(all.some((id) => ids(theirs).includes(id))).toBe(false);
  });
});

describe("ETag", () => {
  it("answers 304 to If-None-Match while nothing changed, and a new ETag once it has", async () => {
    const acc = (await createAccount(A.tenant.id)).id;
    const auto = (await createAutomationRow(A.tenant.id, acc)).id;
    await createInteraction(A.tenant.id, { accountId: acc, automationId: auto, messages: [{ status: "sent" }] });
    const first = await messages({ accountId: acc });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await messages({ accountId: acc }, { ...key(), "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    await createInteraction(A.tenant.id, { accountId: acc, automationId: auto, messages: [{ status: "failed", reason: "x" }] });
    const changed = await messages({ accountId: acc }, { ...key(), "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe('"why didn\'t @user get a DM?"', () => {
  it("finds a person's runs and messages by username, newest first, with a summary and the blocking facts", async () => {
    const ann = await createContact(A.tenant.id, account, { username: "ann_fan", lastInboundAt: new Date(Date.now() - 3 * 86_400_000) });
    await createInteraction(A.tenant.id, { accountId: account, automationId: automation, contactId: ann.id, at: new Date(Date.now() - 120_000), messages: [{ kind: "public_reply", status: "sent" }] });
    await createInteraction(A.tenant.id, {
      accountId: account,
      automationId: automation,
      contactId: ann.id,
      at: new Date(Date.now() - 60_000),
      messages: [{ kind: "dm", status: "skipped", reason: "Instagram's 24-hour window is closed: @ann_fan last wrote 3 days ago" }],
    });
    const res = await lookup({ username: "@ann_fan" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.found).toBe(true);
    expect(res.body.summary).toBe("The DM to @ann_fan was skipped: Instagram's 24-hour window is closed: @ann_fan last wrote 3 days ago.");
    expect(res.body.notes).toContain("@ann_fan hasn't messaged you in the last 24 hours, so only a private reply to a comment can reach them.");
    expect(res.body.runs).toHaveLength(2);
    expect(res.body.messages.map((m: { kind: string }) => m.kind)).toEqual(["dm", "public_reply"]);
    expect(res.body.contacts[0]).toMatchObject({ username: "ann_fan", windowOpen: false });
    // The same person through the list filters.
    expect((await messages({ username: "ann_fan" })).body.data).toHaveLength(2);
    expect((await runs({ username: "ann_fan" })).body.data).toHaveLength(2);
  });

  it("explains a skipped run when no message was ever created", async () => {
    const bo = await createContact(A.tenant.id, account, { username: "late_bo" });
    await createInteraction(A.tenant.id, { accountId: account, automationId: automation, contactId: bo.id, outcome: "skipped", reason: "Outside active hours (Mon–Fri 09:00–17:00 Europe/Berlin)" });
    const res = await lookup({ username: "late_bo" });
    expect(res.body.summary).toBe("No DM went to @late_bo: Outside active hours (Mon–Fri 09:00–17:00 Europe/Berlin)");
  });

  it("finds what happened to one comment by its id", async () => {
    const cy = await createContact(A.tenant.id, account, { username: "cy" });
    const { commentId } = await createInteraction(A.tenant.id, { accountId: account, automationId: automation, contactId: cy.id, messages: [{ kind: "private_reply", status: "sent" }] });
    await createInteraction(A.tenant.id, { accountId: account, automationId: automation, contactId: cy.id, messages: [{ kind: "private_reply", status: "failed", reason: "other comment" }] });
    const res = await lookup({ commentId });
    expect(res.body.found).toBe(true);
    expect(res.body.events).toEqual([expect.objectContaining({ kind: "comment", status: "processed" })]);
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.summary).toMatch(/^the commenter was sent a private reply by "Price list" at /);
    expect((await messages({ commentId })).body.data.map((m: { status: string }) => m.status)).toEqual(["sent"]);
    expect((await runs({ commentId })).body.data).toHaveLength(1);
  });

  it("says so when there is no record of the person or the comment, and refuses an ambiguous question", async () => {
    const nobody = await lookup({ username: "never_seen" });
    expect(nobody.body).toMatchObject({ found: false, runs: [], messages: [] });
    expect(nobody.body.summary).toContain("no record of @never_seen");
    const noComment = await lookup({ commentId: "17999999999999999" });
    expect(noComment.body.summary).toContain("never received this comment");
    expect((await lookup({ username: "a", commentId: "1" })).status).toBe(422);
    expect((await lookup({})).status).toBe(422);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/contacts/route";
import * as item from "@/app/api/v1/contacts/[contactId]/route";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, roomyPlan, type TenantFx } from "../api/helpers/world";
import { createAccount, createAutomationRow, createContact, createInteraction } from "../activity/fixtures";

let A: TenantFx;
let B: TenantFx;
let account: string;
const key = () => ({ authorization: A.keys.full.auth });
const list = (query: Record<string, string>) => call(collection, "GET", { path: "/api/v1/contacts", headers: key(), query: { accountId: account, ...query } });
const names = (res: { body: { data: { username: string }[] } }) => res.body.data.map((c) => c.username);
const at = (id: string) => ({ path: `/api/v1/contacts/${id}`, params: { contactId: id } });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
  account = (await createAccount(A.tenant.id)).id;
  await createContact(A.tenant.id, account, { username: "anna", lastSeenAt: minutesAgo(1), lastInboundAt: minutesAgo(30), tags: ["vip", "lead"] });
  await createContact(A.tenant.id, account, { username: "annette", lastSeenAt: minutesAgo(2), lastInboundAt: minutesAgo(60 * 30), tags: ["lead"] });
  await createContact(A.tenant.id, account, { username: "bob", lastSeenAt: minutesAgo(3), tags: [], optedOut: true });
  await createContact(A.tenant.id, account, { username: "ann", lastSeenAt: minutesAgo(4), lastInboundAt: minutesAgo(5) });
  // Wrote recently, but got a private reply it hasn't answered: Instagram keeps DMs shut.
  const waiting = await createContact(A.tenant.id, account, { username: "zed", lastSeenAt: minutesAgo(6), lastInboundAt: minutesAgo(5) });
  await primary().contact.update({ where: { id: waiting.id }, data: { awaitingReply: true } });
});

describe("GET /api/v1/contacts", () => {
  it("searches by username prefix (with or without @), most recently active first", async () => {
    expect(names(await list({ q: "@ann" }))).toEqual(["anna", "annette", "ann"]);
    expect(names(await list({ q: "ANNE" }))).toEqual(["annette"]);
  });

  it("filters by tag, by 24-hour window and by opt-out", async () => {
    expect(names(await list({ tag: "vip" }))).toEqual(["anna"]);
    expect(names(await list({ tag: "lead" }))).toEqual(["anna", "annette"]);
    expect(names(await list({ window: "open" }))).toEqual(["anna", "ann"]);
    expect(names(await list({ window: "closed" }))).toEqual(["annette", "bob", "zed"]);
    expect((await list({ q: "zed" })).body.data[0]).toMatchObject({ windowOpen: false, windowClosesAt: null, awaitingReply: true });
    expect(names(await list({ optedOut: "true" }))).toEqual(["bob"]);
    const anna = (await list({ q: "anna" })).body.data[0];
    expect(anna).toMatchObject({ windowOpen: true, tags: ["vip", "lead"] });
    expect(new Date(anna.windowClosesAt).getTime()).toBeGreaterThan(Date.now());
  });

  it("pages without duplicates or gaps, also when contacts share a lastSeenAt", async () => {
    const other = (await createAccount(A.tenant.id)).id;
    const same = minutesAgo(10);
    for (let i = 0; i < 9; i++) await createContact(A.tenant.id, other, { username: `same${i}`, lastSeenAt: same });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(collection, "GET", { path: "/api/v1/contacts", headers: key(), query: { accountId: other, limit: "4", ...(cursor ? { cursor } : {}) } });
      expect(res.status, res.text).toBe(200);
      seen.push(...names(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it("answers 422 for bad filters and 404 for another workspace's account", async () => {
    const bad = await list({ window: "ajar", limit: "1000", cursor: "nonsense" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["cursor", "limit", "window"]);
    const theirs = (await createAccount(B.tenant.id)).id;
    expect((await list({ accountId: theirs })).status).toBe(404);
  });
});

describe("/api/v1/contacts/{id}", () => {
  it("shows a contact with their latest runs and messages", async () => {
    const automation = await createAutomationRow(A.tenant.id, account, { name: "Price" });
    const contact = await createContact(A.tenant.id, account, { username: "history_hal" });
    await createInteraction(A.tenant.id, { accountId: account, automationId: automation.id, contactId: contact.id, messages: [{ status: "sent" }], at: minutesAgo(5) });
    await createInteraction(A.tenant.id, { accountId: account, automationId: automation.id, contactId: contact.id, outcome: "skipped", reason: "Already replied to @history_hal for this automation" });
    const res = await call(item, "GET", { ...at(contact.id), headers: key() });
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ username: "history_hal", windowOpen: false });
    expect(res.body.recentRuns.map((r: { outcome: string }) => r.outcome)).toEqual(["skipped", "matched"]);
    expect(res.body.recentMessages).toHaveLength(1);
    expect(res.body.recentMessages[0]).toMatchObject({ status: "sent", automationName: "Price", contactUsername: "history_hal" });
    expect(typeof res.body.recentMessages[0].id).toBe("string");
  });

  it("replaces tags, adds and removes them, and opts out, with an audit entry each", async () => {
    const contact = await createContact(A.tenant.id, account, { username: "tagged", tags: ["a", "b"] });
    const patch = (body: unknown, headers: Record<string, string> = key()) => call(item, "PATCH", { ...at(contact.id), headers, body });
    expect((await patch({ addTags: ["c", "a"], removeTags: ["b"] })).body.contact.tags).toEqual(["a", "c"]);
    expect((await patch({ tags: ["x", "x", "y"] })).body.contact.tags).toEqual(["x", "y"]);
    expect((await patch({ optedOut: true })).body.contact.optedOut).toBe(true);
    expect(await primary().auditLog.count({ where: { targetId: contact.id, action: "contact.updated" } })).toBe(3);
    const invalid = await patch({ tags: ["ok"], addTags: ["no"] });
    expect(invalid.status).toBe(422);
    expect((await patch({})).status).toBe(422);
    const viewer = { cookie: A.members.viewer.cookie, "x-workspace": A.tenant.id, origin: "http://127.0.0.1:3000" };
    expect((await patch({ optedOut: false }, viewer)).status).toBe(403);
    expect((await primary().contact.findUniqueOrThrow({ where: { id: contact.id } })).optedOut).toBe(true);
  });

  it("is a 404 for another workspace's contact", async () => {
    const theirs = await createContact(B.tenant.id, (await createAccount(B.tenant.id)).id, { username: "their_fan" });
    expect((await call(item, "GET", { ...at(theirs.id), headers: key() })).status).toBe(404);
    expect((await call(item, "PATCH", { ...at(theirs.id), headers: key(), body: { optedOut: true } })).status).toBe(404);
    expect((await primary().contact.findUniqueOrThrow({ where: { id: theirs.id } })).optedOut).toBe(false);
  });
});

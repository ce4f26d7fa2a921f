import { beforeAll, describe, expect, it } from "vitest";
import * as testRoute from "@/app/api/v1/automations/test/route";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, roomyPlan, type TenantFx } from "../api/helpers/world";
import { commentDefinition, createAccount, createAutomationRow, createContact, createInteraction } from "../activity/fixtures";

let A: TenantFx;
let B: TenantFx;
let account: string;

const test = (body: Record<string, unknown>, headers: Record<string, string> = { authorization: A.keys.full.auth }) =>
  call(testRoute, "POST", { path: "/api/v1/automations/test", headers, body });
const lineFor = (res: { body: { evaluations: { name: string; outcome: string; reason: string }[] } }, name: string) =>
  res.body.evaluations.find((e) => e.name === name);

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
  await primary().tenant.update({ where: { id: A.tenant.id }, data: { timezone: "Europe/Berlin" } });
  account = (await createAccount(A.tenant.id, "cafe")).id;
});

describe("POST /api/v1/automations/test", () => {
  it("matches a Cyrillic keyword whatever its case, explains the winner, and sends nothing", async () => {
    await createAutomationRow(A.tenant.id, account, { name: "Цены", priority: 10, definition: commentDefinition(["цена"]) });
    const counts = async () => [await primary().automationRun.count(), await primary().outboundMessage.count(), await primary().webhookEvent.count()];
    const before = await counts();
    const res = await test({ accountId: account, kind: "comment", text: "Какая ЦЕНА на торт? 🎂" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.winner).toMatchObject({ name: "Цены", matchedKeyword: "цена" });
    expect(res.body.winner.actions).toEqual(["public reply (1 variant)", "private reply"]);
    expect(res.body.headline).toContain('"Цены" answers a comment');
    expect(lineFor(res, "Цены")).toMatchObject({ outcome: "matched", reason: 'Matched keyword "цена"' });
    expect(await counts()).toEqual(before);
  });

  it("explains an exclusion keyword and a missing keyword", async () => {
    const def = commentDefinition(["giveaway"]);
    def.conditions.excludeKeywords = ["бесплатно"];
    await createAutomationRow(A.tenant.id, account, { name: "Giveaway", priority: 20, definition: def });
    const excluded = await test({ accountId: account, text: "giveaway? бесплатно?" });
    expect(lineFor(excluded, "Giveaway")).toMatchObject({ outcome: "skipped", reason: 'Excluded keyword "бесплатно" found' });
    const missing = await test({ accountId: account, text: "hello there" });
    expect(missing.body.winner).toBeNull();
    expect(lineFor(missing, "Giveaway")).toMatchObject({ outcome: "skipped", reason: "Comment doesn't contain any of: giveaway" });
    expect(missing.body.headline).toBe("No automation answers a comment");
  });

  it("applies active hours in the workspace's time zone", async () => {
    const def = commentDefinition(["menu"]);
    (def.conditions as Record<string, unknown>).activeHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };
    await createAutomationRow(A.tenant.id, account, { name: "Office hours", definition: def });
    // Monday 16 March 2026: 07:30 UTC is 08:30 in Berlin (closed), 09:00 UTC is 10:00 (open).
    const early = await test({ accountId: account, text: "menu please", at: "2026-03-16T07:30:00Z" });
    expect(lineFor(early, "Office hours")).toMatchObject({ outcome: "skipped", reason: "Outside active hours (Mon–Fri 09:00–17:00 Europe/Berlin)" });
    expect(early.body.facts).toMatchObject({ timezone: "Europe/Berlin", evaluatedAt: "2026-03-16T07:30:00.000Z" });
    const open = await test({ accountId: account, text: "menu please", at: "2026-03-16T09:00:00Z" });
    expect(open.body.winner?.name).toBe("Office hours");
  });

  it("uses the person's real history: an earlier reply blocks a once-per-contact automation", async () => {
    const def = commentDefinition(["promo"]);
    def.conditions.reentry = { policy: "once_per_contact" };
    const once = await createAutomationRow(A.tenant.id, account, { name: "Once", definition: def });
    const contact = await createContact(A.tenant.id, account, { username: "returning_ann" });
    await createInteraction(A.tenant.id, { accountId: account, automationId: once.id, contactId: contact.id, messages: [{ status: "sent" }] });
    const known = await test({ accountId: account, text: "PROMO", username: "@returning_ann" });
    expect(lineFor(known, "Once")).toMatchObject({ outcome: "skipped", reason: "Already replied to @returning_ann for this automation" });
    expect(known.body.facts.contact).toMatchObject({ found: true, username: "returning_ann", isNew: false });
    expect(known.body.facts.priorReplies).toBe(1);
    expect(known.body.notes).toEqual([]);
    await primary().contact.update({ where: { id: contact.id }, data: { optedOut: true } });
    const optedOut = await test({ accountId: account, text: "PROMO", username: "returning_ann" });
    expect(optedOut.body.notes).toEqual(["@returning_ann opted out of automated messages"]);
    const stranger = await test({ accountId: account, text: "PROMO", username: "someone_new" });
    expect(stranger.body.winner?.name).toBe("Once");
    expect(stranger.body.facts.contact).toMatchObject({ found: false, isNew: true });
  });

  it("says why a DM-only comment automation can't reach someone whose window is closed", async () => {
    const def = commentDefinition(["catalog"]);
    def.actions = [{ type: "dm", message: { text: "Catalog inside", trackLinks: true } }] as never;
    await createAutomationRow(A.tenant.id, account, { name: "DM only", definition: def });
    const closed = await test({ accountId: account, text: "catalog", username: "quiet_bob", wroteInLast24h: false });
    expect(lineFor(closed, "DM only")?.reason).toBe("Can't DM @quiet_bob: they haven't messaged you in the last 24 hours, and a comment doesn't open a conversation");
    const open = await test({ accountId: account, text: "catalog", username: "quiet_bob", wroteInLast24h: true });
    expect(open.body.winner?.name).toBe("DM only");
  });

  it("lets the higher priority win, ignores paused and deleted automations, and evaluates the builder's draft", async () => {
    const other = (await createAccount(A.tenant.id)).id;
    await createAutomationRow(A.tenant.id, other, { name: "Low", priority: 1, definition: commentDefinition(["hi"]) });
    await createAutomationRow(A.tenant.id, other, { name: "High", priority: 9, definition: commentDefinition(["hi"]) });
    await createAutomationRow(A.tenant.id, other, { name: "Paused", priority: 99, status: "paused", definition: commentDefinition(["hi"]) });
    await createAutomationRow(A.tenant.id, other, { name: "Deleted", priority: 99, deletedAt: new Date(), definition: commentDefinition(["hi"]) });
    const res = await test({ accountId: other, text: "hi" });
    expect(res.body.winner?.name).toBe("High");
    expect(lineFor(res, "Low")).toMatchObject({ outcome: "skipped", reason: 'Another automation with higher priority ("High") already answered' });
    expect(res.body.evaluations.map((e: { name: string }) => e.name).sort()).toEqual(["High", "Low"]);
    const withDraft = await test({ accountId: other, text: "hi", draft: { name: "My draft", priority: 50, definition: commentDefinition(["hi"]) } });
    expect(withDraft.body.winner?.name).toBe("My draft");
  });

  it("answers 422 for an invalid sample and 404 for another workspace's account", async () => {
    const bad = await test({ accountId: account, kind: "tweet", text: 5 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["kind", "text"]);
    const theirs = (await createAccount(B.tenant.id)).id;
    await createAutomationRow(B.tenant.id, theirs, { name: "Secret plan", definition: commentDefinition(["hi"]) });
    const res = await test({ accountId: theirs, text: "hi" });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("Secret plan");
  });

  it("is open to viewers (it changes nothing)", async () => {
    const res = await test({ accountId: account, text: "hello" }, { cookie: A.members.viewer.cookie, "x-workspace": A.tenant.id, origin: "http://127.0.0.1:3000" });
    expect(res.status).toBe(200);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/automations/route";
import * as item from "@/app/api/v1/automations/[automationId]/route";
import * as activate from "@/app/api/v1/automations/[automationId]/activate/route";
import * as pause from "@/app/api/v1/automations/[automationId]/pause/route";
import { primary } from "@/lib/db";
import { automationKeys } from "@/lib/pipeline/automations/cache-keys";
import { redis } from "@/lib/redis";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, roomyPlan, type TenantFx } from "../api/helpers/world";
import { commentDefinition, createAccount, createAutomationRow, createInteraction } from "../activity/fixtures";

let A: TenantFx;
let B: TenantFx;
let accountA: string;
let accountB: string;

const key = () => ({ authorization: A.keys.full.auth });
const gen = async (accountId: string) => Number((await redis().get(automationKeys.gen(accountId))) ?? 0);
const audits = (targetId: string) => primary().auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
  accountA = (await createAccount(A.tenant.id)).id;
  accountB = (await createAccount(B.tenant.id)).id;
});

async function create(body: Record<string, unknown>, headers: Record<string, string> = key()) {
  return call(collection, "POST", { path: "/api/v1/automations", headers, body });
}

describe("POST /api/v1/automations", () => {
  it("creates version 1, writes the audit log, invalidates the account's cache and returns the definition's warnings", async () => {
    const before = await gen(accountA);
    const def = commentDefinition(["price"]);
    def.actions.push({ type: "dm", message: { text: "Also this", trackLinks: true } } as never);
    const res = await create({ accountId: accountA, name: "Price list", status: "active", priority: 5, definition: def });
    expect(res.status, res.text).toBe(201);
    expect(res.body.automation).toMatchObject({ accountId: accountA, name: "Price list", status: "active", priority: 5, version: 1, triggerType: "comment" });
    expect(res.body.automation.definition.actions).toHaveLength(3);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: "dm_needs_window", path: "definition.actions.2" })]);
    expect(await gen(accountA)).toBe(before + 1);
    const log = await audits(res.body.automation.id);
    expect(log.map((l) => l.action)).toEqual(["automation.created"]);
    expect(log[0]!.actorApiKeyId).toBe(A.keys.full.id);
  });

  it("answers 422 with the field that is wrong", async () => {
    const res = await create({
      accountId: accountA,
      name: "",
      definition: { trigger: { type: "dm_keyword" }, conditions: { keywords: { mode: "any", values: [] } }, actions: [{ type: "dm", message: { text: "Hi {{nickname}}" } }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation_failed");
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain("name");
    expect(paths).toContain("definition.conditions.keywords");
    expect(paths).toContain("definition.actions.0.message.text");
  });

  it("is a 404 for an account of another workspace, and creates nothing", async () => {
    const count = await primary().automation.count({ where: { accountId: accountB } });
    const res = await create({ accountId: accountB, name: "Steal", definition: commentDefinition() });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
    expect(res.text).not.toContain(B.tenant.id);
    expect(await primary().automation.count({ where: { accountId: accountB } })).toBe(count);
  });

  it("lets editors create and refuses viewers", async () => {
    const asRole = (role: "editor" | "viewer") => ({ cookie: A.members[role].cookie, "x-workspace": A.tenant.id, origin: "http://127.0.0.1:3000" });
    expect((await create({ accountId: accountA, name: "By editor", definition: commentDefinition() }, asRole("editor"))).status).toBe(201);
    const refused = await create({ accountId: accountA, name: "By viewer", definition: commentDefinition() }, asRole("viewer"));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    const list = await call(collection, "GET", { path: "/api/v1/automations", headers: asRole("viewer") });
    expect(list.status).toBe(200);
  });
});

describe("PATCH /api/v1/automations/{id}", () => {
  it("bumps the version and refuses a save based on an older one with 409", async () => {
    const a = await createAutomationRow(A.tenant.id, accountA, { name: "Locked" });
    const patch = (body: Record<string, unknown>) => call(item, "PATCH", { path: `/api/v1/automations/${a.id}`, params: { automationId: a.id }, headers: key(), body });
    const before = await gen(accountA);
    const first = await patch({ name: "Locked v2", expectedVersion: 1 });
    expect(first.status, first.text).toBe(200);
    expect(first.body.automation).toMatchObject({ name: "Locked v2", version: 2 });
    expect(await gen(accountA)).toBe(before + 1);

    const stale = await patch({ name: "Stale edit", expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    expect(stale.body.errors).toEqual([expect.objectContaining({ path: "expectedVersion", code: "version_conflict" })]);
    expect((await primary().automation.findUniqueOrThrow({ where: { id: a.id } })).name).toBe("Locked v2");
  });

  it("lets exactly one of two concurrent saves of the same version land", async () => {
    const a = await createAutomationRow(A.tenant.id, accountA);
    const results = await Promise.all(
      ["Left", "Right"].map((name) => call(item, "PATCH", { path: `/api/v1/automations/${a.id}`, params: { automationId: a.id }, headers: key(), body: { name, expectedVersion: 1 } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await primary().automation.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(2);
  });

  it("never shows a webhook secret, and keeps it when the client sends the automation back without it", async () => {
    const def = commentDefinition();
    def.actions.push({ type: "webhook", url: "https://hooks.example.com/in", secret: "s3cret-s3cret-s3cret" } as never);
    const created = await create({ accountId: accountA, name: "Hooked", definition: def });
    expect(created.status, created.text).toBe(201);
    expect(created.text).not.toContain("s3cret");
    const { automation } = created.body;
    expect(automation.definition.actions[2]).toMatchObject({ type: "webhook", hasSecret: true });
    const res = await call(item, "PATCH", {
      path: `/api/v1/automations/${automation.id}`,
      params: { automationId: automation.id },
      headers: key(),
      body: { definition: automation.definition, expectedVersion: automation.version },
    });
    expect(res.status, res.text).toBe(200);
    const stored = await primary().automation.findUniqueOrThrow({ where: { id: automation.id } });
    expect((stored.actions as { secret?: string }[])[2]!.secret).toBe("s3cret-s3cret-s3cret");
  });

  it("is a 404 for another workspace's automation, which stays untouched", async () => {
    const theirs = await createAutomationRow(B.tenant.id, accountB, { name: "Theirs" });
    for (const [method, mod, body] of [
      ["GET", item, undefined],
      ["PATCH", item, { name: "Mine now" }],
      ["DELETE", item, undefined],
      ["POST", activate, undefined],
      ["POST", pause, undefined],
    ] as const) {
      const res = await call(mod, method, { path: `/api/v1/automations/${theirs.id}`, params: { automationId: theirs.id }, headers: key(), body });
      expect(res.status, `${method}: ${res.text}`).toBe(404);
    }
    const after = await primary().automation.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(after).toMatchObject({ name: "Theirs", version: 1, deletedAt: null });
  });
});

describe("next-post automations", () => {
  const trigger = async (id: string) => (await primary().automation.findUniqueOrThrow({ where: { id } })).trigger as { posts: { armedAt?: number; boundMediaId?: string } };

  it("wait for a post published after they are switched on, are re-armed when switched on again, and keep the post they met across edits", async () => {
    const def = commentDefinition(["recipe"], { trigger: { type: "comment", posts: { mode: "next_post" }, includeReplies: false } });
    const draft = await create({ accountId: accountA, name: "Next post", status: "draft", definition: def });
    expect(draft.status, draft.text).toBe(201);
    const id = draft.body.automation.id as string;
    expect((await trigger(id)).posts.armedAt).toBeUndefined();

    const opts = { path: `/api/v1/automations/${id}`, params: { automationId: id }, headers: key() };
    const before = Date.now();
    expect((await call(activate, "POST", opts)).status).toBe(200);
    const armed = (await trigger(id)).posts.armedAt!;
    expect(armed).toBeGreaterThanOrEqual(before);

    await call(pause, "POST", opts);
    await new Promise((r) => setTimeout(r, 5));
    await call(activate, "POST", opts);
    expect((await trigger(id)).posts.armedAt!).toBeGreaterThan(armed);

    // The events worker attached it to a post; a later save from a client that never saw the binding keeps it.
    await primary().automation.update({ where: { id }, data: { trigger: { type: "comment", includeReplies: false, posts: { mode: "next_post", armedAt: armed, boundMediaId: "17900000000000777" } } } });
    const current = (await call(item, "GET", opts)).body.automation;
    const saved = await call(item, "PATCH", { ...opts, body: { definition: def, expectedVersion: current.version } });
    expect(saved.status, saved.text).toBe(200);
    expect((await trigger(id)).posts.boundMediaId).toBe("17900000000000777");
  });
});

describe("activate, pause and delete", () => {
  it("changes status with a version bump, an audit entry and a cache invalidation each", async () => {
    const a = await createAutomationRow(A.tenant.id, accountA, { status: "draft" });
    const opts = { path: `/api/v1/automations/${a.id}`, params: { automationId: a.id }, headers: key() };
    const g0 = await gen(accountA);
    const on = await call(activate, "POST", { ...opts, query: { expectedVersion: "1" } });
    expect(on.status, on.text).toBe(200);
    expect(on.body.automation).toMatchObject({ status: "active", version: 2 });
    const off = await call(pause, "POST", opts);
    expect(off.body.automation).toMatchObject({ status: "paused", version: 3 });
    const stale = await call(activate, "POST", { ...opts, query: { expectedVersion: "2" } });
    expect(stale.status).toBe(409);
    expect(await gen(accountA)).toBe(g0 + 2);
    expect((await audits(a.id)).map((l) => l.action)).toEqual(["automation.activated", "automation.paused"]);

    const del = await call(item, "DELETE", opts);
    expect(del.status).toBe(204);
    expect(await gen(accountA)).toBe(g0 + 3);
    const row = await primary().automation.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.status).toBe("paused");
    expect(row.version).toBe(4);
    expect((await call(item, "GET", opts)).status).toBe(404);
    expect((await call(item, "DELETE", opts)).status).toBe(404);
    const list = await call(collection, "GET", { path: "/api/v1/automations", headers: key(), query: { limit: "100" } });
    expect(list.body.data.map((x: { id: string }) => x.id)).not.toContain(a.id);
  });
});

describe("activating a stored definition that no longer validates", () => {
  it("is refused with 422 and changes nothing", async () => {
    const broken = await createAutomationRow(A.tenant.id, accountA, { status: "paused" });
    await primary().automation.update({ where: { id: broken.id }, data: { actions: [{ type: "teleport" }] } });
    const res = await call(activate, "POST", { path: `/api/v1/automations/${broken.id}/activate`, params: { automationId: broken.id }, headers: key() });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "definition", code: "invalid_definition" })]);
    expect(await primary().automation.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({ status: "paused", version: 1 });
    const got = await call(item, "GET", { path: `/api/v1/automations/${broken.id}`, params: { automationId: broken.id }, headers: key() });
    expect(got.body.warnings).toEqual([expect.objectContaining({ code: "invalid_definition" })]);
  });
});

describe("GET /api/v1/automations", () => {
  it("filters by account and status and carries the last 7 days' counters from rollups plus today", async () => {
    const account = (await createAccount(A.tenant.id)).id;
    const live = await createAutomationRow(A.tenant.id, account, { name: "Live", status: "active" });
    const paused = await createAutomationRow(A.tenant.id, account, { name: "Paused", status: "paused" });
    const today = new Date();
    const day = (n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - n));
    // Rolled-up history: 3 days ago counts, 8 days ago is outside the window. Yesterday is rolled up (workspace row).
    await primary().dailyStat.createMany({
      data: [
        { tenantId: A.tenant.id, day: day(3), accountId: account, automationId: live.id, runsMatched: 10, runsSkipped: 2, sent: 9, failed: 1 },
        { tenantId: A.tenant.id, day: day(8), accountId: account, automationId: live.id, runsMatched: 100, runsSkipped: 100, sent: 100, failed: 100 },
        { tenantId: A.tenant.id, day: day(1), accountId: "", automationId: "" },
      ],
    });
    // Today, live: one matched run with a sent and a failed message, one skipped run.
    await createInteraction(A.tenant.id, { accountId: account, automationId: live.id, messages: [{ status: "sent" }, { kind: "public_reply", status: "failed", reason: "x" }] });
    await createInteraction(A.tenant.id, { accountId: account, automationId: live.id, outcome: "skipped", reason: "Outside active hours" });

    const res = await call(collection, "GET", { path: "/api/v1/automations", headers: key(), query: { accountId: account, status: "active" } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([live.id]);
    expect(res.body.data[0].last7Days).toEqual({ matched: 11, skipped: 3, sent: 10, failed: 2 });
    const both = await call(collection, "GET", { path: "/api/v1/automations", headers: key(), query: { accountId: account, status: "active,paused" } });
    expect(both.body.data.map((x: { id: string }) => x.id).sort()).toEqual([live.id, paused.id].sort());
  });

  it("pages newest first without repeating or skipping", async () => {
    const account = (await createAccount(A.tenant.id)).id;
    const at = new Date(Date.now() - 60_000);
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await createAutomationRow(A.tenant.id, account, { createdAt: at })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call(collection, "GET", { path: "/api/v1/automations", headers: key(), query: { accountId: account, limit: "3", ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
  });

  it("is a 404 when filtering by another workspace's account", async () => {
    const res = await call(collection, "GET", { path: "/api/v1/automations", headers: key(), query: { accountId: accountB } });
    expect(res.status).toBe(404);
  });

  it("refuses a new automation once the plan's limit is reached", async () => {
    const plan = await primary().plan.create({
      data: { key: `tiny${Date.now()}`, name: "Tiny", monthlyDmLimit: 10, monthlyReplyLimit: 10, accountLimit: 1, memberLimit: 10, automationLimit: 1, retentionDays: 7 },
    });
    const C = await buildTenant("Charlie", plan.id);
    const account = (await createAccount(C.tenant.id)).id;
    const first = await create({ accountId: account, name: "One", definition: commentDefinition() }, { authorization: C.keys.full.auth });
    expect(first.status).toBe(201);
    const second = await create({ accountId: account, name: "Two", definition: commentDefinition() }, { authorization: C.keys.full.auth });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("plan_limit_reached");
  });
});

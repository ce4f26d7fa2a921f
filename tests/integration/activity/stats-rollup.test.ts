import { beforeAll, describe, expect, it } from "vitest";
import * as statsRoute from "@/app/api/v1/stats/route";
import { rollupDailyStats } from "@/lib/activity/rollup-daily-stats";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, roomyPlan, type TenantFx } from "../api/helpers/world";
import { createAccount, createAutomationRow, createInteraction } from "./fixtures";

let A: TenantFx;
let B: TenantFx;
let account: string;
let auto1: string;
let auto2: string;
const now = new Date();
const dayStart = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - n));
const noon = (n: number) => new Date(dayStart(n).getTime() + 12 * 3_600_000);
const iso = (n: number) => dayStart(n).toISOString().slice(0, 10);
const stats = (query: Record<string, string>, auth = A.keys.full.auth) => call(statsRoute, "GET", { path: "/api/v1/stats", headers: { authorization: auth }, query });
const rowsOf = async (tenantId: string, n: number) =>
  (await primary().dailyStat.findMany({ where: { tenantId, day: dayStart(n) }, orderBy: [{ accountId: "asc" }, { automationId: "asc" }] })).map(
    ({ accountId, automationId, events, runsMatched, runsSkipped, sent, failed, skipped, clicks }) => ({ accountId, automationId, events, runsMatched, runsSkipped, sent, failed, skipped, clicks }),
  );

async function click(tenantId: string, automationId: string, at: Date) {
  const link = await primary().trackedLink.create({ data: { tenantId, code: `c${Math.random().toString(36).slice(2, 12)}`, url: "https://shop.example/p", automationId } });
  await primary().linkClick.create({ data: { tenantId, linkId: link.id, clickedAt: at } });
}

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
  account = (await createAccount(A.tenant.id)).id;
  auto1 = (await createAutomationRow(A.tenant.id, account)).id;
  auto2 = (await createAutomationRow(A.tenant.id, account)).id;
  // Three days ago: auto1 sends one, fails one; auto2 skips twice (one run skipped, one message skipped); one click on auto1.
  await createInteraction(A.tenant.id, { accountId: account, automationId: auto1, at: noon(3), messages: [{ kind: "public_reply", status: "sent" }, { status: "failed", reason: "x" }] });
  await createInteraction(A.tenant.id, { accountId: account, automationId: auto2, at: noon(3), outcome: "skipped", reason: "Outside active hours" });
  await createInteraction(A.tenant.id, { accountId: account, automationId: auto2, at: noon(3), messages: [{ kind: "dm", status: "skipped", reason: "window closed" }] });
  await click(A.tenant.id, auto1, noon(3));
  // Yesterday (not rolled up yet) and today: one send each.
  await createInteraction(A.tenant.id, { accountId: account, automationId: auto1, at: noon(1), messages: [{ status: "sent" }] });
  await createInteraction(A.tenant.id, { accountId: account, automationId: auto1, at: new Date(Math.max(dayStart(0).getTime(), Date.now() - 1_000)), messages: [{ status: "sent" }] });
  // Another workspace's activity on the same day must not leak into A's rollup.
  const theirs = (await createAccount(B.tenant.id)).id;
  await createInteraction(B.tenant.id, { accountId: theirs, automationId: (await createAutomationRow(B.tenant.id, theirs)).id, at: noon(3), messages: [{ status: "sent" }] });
});

describe("rollupDailyStats", () => {
  it("writes the workspace, account and automation rows of one day from runs, messages, events and clicks", async () => {
    expect(await rollupDailyStats(A.tenant.id, noon(3))).toBe(4);
    const zero = { events: 0, runsMatched: 0, runsSkipped: 0, sent: 0, failed: 0, skipped: 0, clicks: 0 };
    expect(await rowsOf(A.tenant.id, 3)).toEqual([
      { ...zero, accountId: "", automationId: "", events: 3, runsMatched: 2, runsSkipped: 1, sent: 1, failed: 1, skipped: 1, clicks: 1 },
      { ...zero, accountId: account, automationId: "", events: 3, runsMatched: 2, runsSkipped: 1, sent: 1, failed: 1, skipped: 1, clicks: 1 },
      ...[
        { ...zero, accountId: account, automationId: auto1, runsMatched: 1, sent: 1, failed: 1, clicks: 1 },
        { ...zero, accountId: account, automationId: auto2, runsMatched: 1, runsSkipped: 1, skipped: 1 },
      ].sort((a, b) => (a.automationId < b.automationId ? -1 : 1)),
    ]);
  });

  it("is idempotent, and follows the data when it changes (a scope without data disappears)", async () => {
    const before = await primary().dailyStat.findMany({ where: { tenantId: A.tenant.id, day: dayStart(3) }, orderBy: { id: "asc" } });
    await rollupDailyStats(A.tenant.id, noon(3));
    const again = await primary().dailyStat.findMany({ where: { tenantId: A.tenant.id, day: dayStart(3) }, orderBy: { id: "asc" } });
    expect(again.map((r) => [r.id, r.sent, r.clicks])).toEqual(before.map((r) => [r.id, r.sent, r.clicks]));
    // Retention removed auto2's rows of that day: its scope row goes, the totals follow.
    await primary().webhookEvent.deleteMany({ where: { tenantId: A.tenant.id, runs: { some: { automationId: auto2, createdAt: { gte: dayStart(3), lt: dayStart(2) } } } } });
    await rollupDailyStats(A.tenant.id, noon(3));
    const after = await rowsOf(A.tenant.id, 3);
    expect(after.map((r) => r.automationId)).not.toContain(auto2);
    expect(after[0]).toMatchObject({ accountId: "", events: 1, runsMatched: 1, runsSkipped: 0, skipped: 0, sent: 1 });
  });

  it("writes a workspace row for a quiet day, and nothing of other workspaces", async () => {
    await rollupDailyStats(A.tenant.id, noon(5));
    expect(await rowsOf(A.tenant.id, 5)).toEqual([expect.objectContaining({ accountId: "", automationId: "", events: 0, sent: 0 })]);
    expect(await primary().dailyStat.count({ where: { tenantId: B.tenant.id } })).toBe(0);
  });
});

describe("GET /api/v1/stats", () => {
  it("serves finished days from DailyStat and counts yesterday (until rolled up) and today live", async () => {
    // A marker only the rollup table holds proves where day -3 comes from.
    await primary().dailyStat.updateMany({ where: { tenantId: A.tenant.id, day: dayStart(3), accountId: "", automationId: "" }, data: { clicks: 42 } });
    const res = await stats({ from: iso(3), to: iso(0) });
    expect(res.status, res.text).toBe(200);
    expect(res.body.series.map((p: { day: string }) => p.day)).toEqual([iso(3), iso(2), iso(1), iso(0)]);
    const [d3, d2, d1, d0] = res.body.series;
    expect(d3.clicks).toBe(42);
    expect(d2).toMatchObject({ sent: 0, events: 0 });
    expect(d1).toMatchObject({ sent: 1, events: 1, runsMatched: 1 });
    expect(d0).toMatchObject({ sent: 1, events: 1, runsMatched: 1 });
    expect(res.body.totals.sent).toBe(d3.sent + 2);

    await rollupDailyStats(A.tenant.id, noon(1));
    await primary().dailyStat.updateMany({ where: { tenantId: A.tenant.id, day: dayStart(1), accountId: "", automationId: "" }, data: { sent: 7 } });
    expect((await stats({ from: iso(1), to: iso(1) })).body.series[0].sent).toBe(7);
  });

  it("narrows to one account or automation, and defaults to the last 30 days", async () => {
    const one = await stats({ from: iso(3), to: iso(0), automationId: auto1 });
    expect(one.body).toMatchObject({ automationId: auto1, accountId: account });
    expect(one.body.series.map((p: { sent: number }) => p.sent)).toEqual([1, 0, 1, 1]);
    expect(one.body.series[0].events).toBe(0);
    const acc = await stats({ from: iso(0), to: iso(0), accountId: account });
    expect(acc.body.series[0]).toMatchObject({ sent: 1, events: 1 });
    const def = await stats({});
    expect(def.body.series).toHaveLength(30);
    expect(def.body.to).toBe(iso(0));
  });

  it("answers 422 for a reversed or too long range and 404 for another workspace's automation", async () => {
    expect((await stats({ from: iso(0), to: iso(3) })).status).toBe(422);
    expect((await stats({ from: "2020-01-01", to: iso(0) })).status).toBe(422);
    expect((await stats({ from: "2026-02-30" })).status).toBe(422);
    const theirs = (await primary().automation.findFirstOrThrow({ where: { tenantId: B.tenant.id } })).id;
    expect((await stats({ automationId: theirs })).status).toBe(404);
  });
});

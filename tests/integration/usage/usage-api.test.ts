import { beforeAll, describe, expect, it } from "vitest";
import * as usageRoute from "@/app/api/v1/usage/route";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, type TenantFx } from "../api/helpers/world";

let A: TenantFx;
let B: TenantFx;
const now = new Date();
const period = now.toISOString().slice(0, 7);
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
const usage = (headers: Record<string, string>) => call(usageRoute, "GET", { path: "/api/v1/usage", headers });

beforeAll(async () => {
  await useTestDatabase();
  const plan = await primary().plan.create({
    data: { key: `usage${Date.now()}`, name: "Starter", monthlyDmLimit: 1_000, monthlyReplyLimit: 500, accountLimit: 1, memberLimit: 10, automationLimit: 5, retentionDays: 30 },
  });
  A = await buildTenant("Alpha", plan.id);
  B = await buildTenant("Bravo", plan.id);
  await primary().usageCounter.createMany({
    data: [
      { tenantId: A.tenant.id, period, dmsSent: 600, privateReplies: 250, publicReplies: 510 },
      { tenantId: A.tenant.id, period: lastMonth, dmsSent: 999, privateReplies: 999, publicReplies: 999 },
      { tenantId: B.tenant.id, period, dmsSent: 1, privateReplies: 1, publicReplies: 1 },
    ],
  });
});

describe("GET /api/v1/usage", () => {
  it("shows this month's counters against the plan: DMs and private replies share the message limit", async () => {
    const res = await usage({ authorization: A.keys.full.auth });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      period,
      plan: { name: "Starter" },
      counts: { dms: 600, privateReplies: 250, publicReplies: 510 },
      limits: {
        messages: { used: 850, limit: 1_000, remaining: 150, percent: 85 },
        publicReplies: { used: 510, limit: 500, remaining: 0, percent: 100 },
      },
    });
    const start = new Date(res.body.periodStart);
    const end = new Date(res.body.periodEnd);
    expect(start.getUTCDate()).toBe(1);
    expect(start.getTime()).toBeLessThanOrEqual(Date.now());
    expect(end.getTime()).toBeGreaterThan(Date.now());
    expect(end.getUTCDate()).toBe(1);
  });

  it("starts from zero in a month without sends", async () => {
    const plan = await primary().plan.findFirstOrThrow({ where: { name: "Starter" } });
    const C = await buildTenant("Charlie", plan.id);
    const res = await usage({ authorization: C.keys.full.auth });
    expect(res.body.limits.messages).toEqual({ used: 0, limit: 1_000, remaining: 1_000, percent: 0 });
  });

  it("is for owners and admins (billing.read), not editors or viewers", async () => {
    const as = (role: "owner" | "admin" | "editor" | "viewer") => usage({ cookie: A.members[role].cookie, "x-workspace": A.tenant.id });
    expect((await as("owner")).status).toBe(200);
    expect((await as("admin")).status).toBe(200);
    expect((await as("editor")).status).toBe(403);
    expect((await as("viewer")).status).toBe(403);
    expect((await usage({ cookie: A.members.owner.cookie, "x-workspace": B.tenant.id })).status).toBe(404);
  });
});

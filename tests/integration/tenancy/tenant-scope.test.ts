import type { Job } from "bullmq";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, primary } from "@/lib/db";
import { executeTenantRaw, queryTenantRaw, TENANT } from "@/lib/db/raw";
import { TenantScopeError } from "@/lib/db/tenant-scope";
import { rootLogger } from "@/lib/logger";
import { withTenantJob } from "@/lib/tenancy/with-tenant-job";
import { useTestDatabase } from "../../helpers/isolation";
import { buildTenant, createInvitationRow, roomyPlan, type TenantFx } from "../api/helpers/world";

/** The extension against the real database, with two tenants side by side. */
let A: TenantFx;
let B: TenantFx;

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("ScopeA", plan);
  B = await buildTenant("ScopeB", plan);
  for (const t of [A, B]) for (let i = 0; i < 2; i++) await createInvitationRow(t.tenant.id);
});

describe("a tenant-scoped client against MariaDB", () => {
  it("reads only its own tenant's rows, whatever the query", async () => {
    const { db, read } = getDb(A.tenant.id);
    const rows = await db.membership.findMany();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.tenantId))).toEqual(new Set([A.tenant.id]));
    expect(await read.invitation.count()).toBe(2);
    expect(await db.membership.findUnique({ where: { id: B.members.owner.memberId } })).toBeNull();
    expect(await db.membership.findFirst({ where: { userId: B.members.owner.user.id } })).toBeNull();
    await expect(db.membership.findUniqueOrThrow({ where: { id: B.members.owner.memberId } })).rejects.toThrow();
    const grouped = await db.membership.groupBy({ by: ["role"], _count: true, orderBy: { role: "asc" } });
    expect(grouped.reduce((n, g) => n + g._count, 0)).toBe(4);
    expect((await db.tenant.findMany()).map((t) => t.id)).toEqual([A.tenant.id]);
  });

  it("cannot update or delete another tenant's rows", async () => {
    const { db } = getDb(A.tenant.id);
    await expect(db.membership.update({ where: { id: B.members.viewer.memberId }, data: { role: "owner" } })).rejects.toThrow();
    expect((await db.invitation.updateMany({ data: { role: "editor" } })).count).toBe(2);
    expect(await primary().invitation.count({ where: { tenantId: B.tenant.id, role: "editor" } })).toBe(0);
    await expect(db.apiKey.delete({ where: { id: B.keys.full.id } })).rejects.toThrow();
    expect((await db.invitation.deleteMany({})).count).toBe(2);
    expect(await primary().invitation.count({ where: { tenantId: B.tenant.id } })).toBe(2);
    expect(await primary().membership.findUniqueOrThrow({ where: { id: B.members.viewer.memberId } })).toMatchObject({ role: "viewer" });
  });

  it("stamps creates with its tenant and throws on a cross-tenant write", async () => {
    const { db } = getDb(A.tenant.id);
    const row = await db.auditLog.create({ data: { tenantId: A.tenant.id, action: "test.stamped", targetType: "test" } });
    expect(row.tenantId).toBe(A.tenant.id);
    await expect(db.auditLog.create({ data: { tenantId: B.tenant.id, action: "test.cross", targetType: "test" } })).rejects.toThrow(TenantScopeError);
    await expect(db.tenant.update({ where: { id: B.tenant.id }, data: { name: "hijacked" } })).rejects.toThrow(TenantScopeError);
    expect(await primary().auditLog.count({ where: { action: "test.cross" } })).toBe(0);
    expect((await primary().tenant.findUniqueOrThrow({ where: { id: B.tenant.id } })).name).toBe("ScopeB");
  });

  it("keeps the scope inside interactive and batch transactions", async () => {
    const { db } = getDb(B.tenant.id);
    const seen = await db.$transaction(async (tx) => {
      await tx.auditLog.create({ data: { tenantId: B.tenant.id, action: "test.tx", targetType: "test" } });
      await expect(tx.auditLog.create({ data: { tenantId: A.tenant.id, action: "test.tx", targetType: "test" } })).rejects.toThrow(TenantScopeError);
      return tx.membership.findMany();
    });
    expect(seen.every((m) => m.tenantId === B.tenant.id)).toBe(true);
    const [members, keys] = await db.$transaction([db.membership.count(), db.apiKey.count()]);
    expect([members, keys]).toEqual([4, 2]);
  });

  it("refuses raw SQL and global tables at run time, not only in its types", async () => {
    const { db } = getDb(A.tenant.id);
    const untyped = db as unknown as { $queryRawUnsafe(q: string): Promise<unknown>; user: { findMany(): Promise<unknown> } };
    await expect(untyped.$queryRawUnsafe("SELECT * FROM Membership")).rejects.toThrow(/raw SQL/);
    await expect(untyped.user.findMany()).rejects.toThrow(TenantScopeError);
    // Nested reads from a scoped parent are fine: the composite foreign keys keep them in the tenant.
    const withUsers = await db.membership.findMany({ include: { user: { select: { email: true } } } });
    expect(withUsers.map((m) => m.user.email).sort()).toEqual(Object.values(A.members).map((m) => m.user.email).sort());
  });

  it("throws on a missing tenant id instead of querying every tenant", () => {
    expect(() => getDb("")).toThrow(TenantScopeError);
    expect(() => getDb(undefined as unknown as string)).toThrow(TenantScopeError);
  });
});

describe("lib/db/raw: raw SQL takes its tenant explicitly", () => {
  it("binds the tenant where ${TENANT} stands and refuses SQL that never filters on it", async () => {
    const rows = await queryTenantRaw<{ id: string }>(A.tenant.id, { stale: true })`SELECT id FROM Membership WHERE tenantId = ${TENANT} ORDER BY id`;
    expect(rows.map((r) => r.id).sort()).toEqual(Object.values(A.members).map((m) => m.memberId).sort());
    expect(() => queryTenantRaw(A.tenant.id, {})`SELECT id FROM Membership`).toThrow(/use \$\{TENANT\}/);
    expect(() => queryTenantRaw("", {})`SELECT id FROM Membership WHERE tenantId = ${TENANT}`).toThrow(/without a tenant id/);
    const changed = await executeTenantRaw(B.tenant.id)`UPDATE ApiKey SET name = ${"renamed"} WHERE tenantId = ${TENANT} AND id = ${A.keys.full.id}`;
    expect(changed).toBe(0);
  });
});

describe("withTenantJob", () => {
  const job = (data: unknown) => ({ id: "j1", name: "t", data }) as unknown as Job;
  const handler = withTenantJob(z.object({ tenantId: z.string(), note: z.string() }), async (ctx, data) => ({
    tenant: ctx.tenant.id,
    members: await ctx.db.membership.count(),
    role: ctx.role,
    note: data.note,
  }));

  it("hands the processor a scoped ctx acting as the system", async () => {
    expect(await handler(job({ tenantId: B.tenant.id, note: "hi" }), { log: rootLogger() })).toEqual({ tenant: B.tenant.id, members: 4, role: null, note: "hi" });
  });

  it("rejects a payload without its tenant, and skips a deleted workspace instead of retrying", async () => {
    await expect(handler(job({ note: "x" }), { log: rootLogger() })).rejects.toThrow();
    const gone = await buildTenant("Gone", A.tenant.planId);
    await primary().tenant.update({ where: { id: gone.tenant.id }, data: { status: "deleted" } });
    expect(await handler(job({ tenantId: gone.tenant.id, note: "x" }), { log: rootLogger() })).toEqual({ skipped: "tenant_not_found" });
  });
});

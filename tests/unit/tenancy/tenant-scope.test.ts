import { describe, expect, it } from "vitest";
import { scopeArgs, tenantScope, TenantScopeError } from "@/lib/db/tenant-scope";

const T = "tenant_a";

describe("tenant scope: argument rewriting", () => {
  it("adds the tenant to every read's where, keeping the caller's filters", () => {
    for (const op of ["findMany", "findFirst", "findFirstOrThrow", "count", "aggregate", "groupBy"]) {
      expect(scopeArgs("Membership", op, { where: { role: "owner" }, take: 5 }, T)).toEqual({ where: { role: "owner", tenantId: T }, take: 5 });
    }
    expect(scopeArgs("Membership", "findMany", undefined, T)).toEqual({ where: { tenantId: T } });
  });

  it("turns findUnique by id into id AND tenant (a foreign id finds nothing)", () => {
    expect(scopeArgs("ApiKey", "findUnique", { where: { id: "k1" } }, T)).toEqual({ where: { id: "k1", tenantId: T } });
    expect(scopeArgs("ApiKey", "findUniqueOrThrow", { where: { hashedKey: "h" }, select: { id: true } }, T)).toEqual({
      where: { hashedKey: "h", tenantId: T },
      select: { id: true },
    });
  });

  it("scopes updates and deletes, single and many", () => {
    for (const op of ["update", "updateMany", "updateManyAndReturn", "delete", "deleteMany"]) {
      expect(scopeArgs("Invitation", op, { where: { id: "i1" }, data: { revokedAt: 1 } }, T)).toMatchObject({ where: { id: "i1", tenantId: T } });
    }
  });

  it("stamps the tenant into creates, createMany rows and upsert's create", () => {
    expect(scopeArgs("AuditLog", "create", { data: { action: "x" } }, T)).toEqual({ data: { action: "x", tenantId: T } });
    expect(scopeArgs("AuditLog", "createMany", { data: [{ action: "a" }, { action: "b", tenantId: T }] }, T)).toEqual({
      data: [
        { action: "a", tenantId: T },
        { action: "b", tenantId: T },
      ],
    });
    expect(scopeArgs("UsageCounter", "upsert", { where: { tenantId_period: { tenantId: T, period: "2026-11" } }, create: { period: "2026-11" }, update: { dmsSent: 1 } }, T)).toEqual({
      where: { tenantId_period: { tenantId: T, period: "2026-11" }, tenantId: T },
      create: { period: "2026-11", tenantId: T },
      update: { dmsSent: 1 },
    });
  });

  it("throws on a cross-tenant write instead of performing it", () => {
    expect(() => scopeArgs("AuditLog", "create", { data: { tenantId: "tenant_b", action: "x" } }, T)).toThrow(TenantScopeError);
    expect(() => scopeArgs("AuditLog", "createManyAndReturn", { data: [{ tenantId: "tenant_b" }] }, T)).toThrow(/cross-tenant/);
    expect(() => scopeArgs("Membership", "update", { where: { id: "m" }, data: { tenantId: "tenant_b" } }, T)).toThrow(/immutable/);
    expect(() => scopeArgs("Membership", "updateMany", { where: {}, data: { tenantId: { set: "tenant_b" } } }, T)).toThrow(/immutable/);
    expect(() => scopeArgs("Template", "create", { data: { tenant: { connect: { id: "tenant_b" } }, name: "x" } }, T)).toThrow(/scalar/);
    expect(() => scopeArgs("Contact", "upsert", { where: { id: "c" }, create: {}, update: { tenantId: "tenant_b" } }, T)).toThrow(TenantScopeError);
  });

  it("throws when a query names another tenant, at the top level or inside a compound key", () => {
    expect(() => scopeArgs("Membership", "findMany", { where: { tenantId: "tenant_b" } }, T)).toThrow(/another tenant/);
    expect(() => scopeArgs("Membership", "findMany", { where: { tenantId: { in: [T, "tenant_b"] } } }, T)).toThrow(/another tenant/);
    expect(() => scopeArgs("Membership", "findUnique", { where: { tenantId_userId: { tenantId: "tenant_b", userId: "u" } } }, T)).toThrow(/tenantId_userId/);
    expect(scopeArgs("Membership", "findMany", { where: { tenantId: T } }, T)).toEqual({ where: { tenantId: T } });
  });

  it("throws on a missing tenant id rather than querying every tenant", () => {
    expect(() => scopeArgs("Membership", "findMany", {}, "")).toThrow(/without a tenant id/);
    expect(() => tenantScope("")).toThrow(TenantScopeError);
    expect(() => tenantScope(undefined as unknown as string)).toThrow(TenantScopeError);
  });

  it("shows a scope only its own tenant row, and never creates or deletes tenants", () => {
    expect(scopeArgs("Tenant", "findMany", {}, T)).toEqual({ where: { id: T } });
    expect(scopeArgs("Tenant", "update", { where: { id: T }, data: { name: "n" } }, T)).toEqual({ where: { id: T }, data: { name: "n" } });
    expect(() => scopeArgs("Tenant", "findUnique", { where: { id: "tenant_b" } }, T)).toThrow(/another tenant/);
    expect(() => scopeArgs("Tenant", "update", { where: { id: T }, data: { id: "tenant_b" } }, T)).toThrow(/immutable/);
    expect(() => scopeArgs("Tenant", "create", { data: {} }, T)).toThrow(/not allowed/);
    expect(() => scopeArgs("Tenant", "deleteMany", {}, T)).toThrow(/not allowed/);
  });

  it("lets plans be read but not written, and keeps users and reset tokens out of reach", () => {
    expect(scopeArgs("Plan", "findUnique", { where: { id: "p" } }, T)).toEqual({ where: { id: "p" } });
    expect(() => scopeArgs("Plan", "update", { where: { id: "p" }, data: {} }, T)).toThrow(/read-only/);
    expect(() => scopeArgs("User", "findMany", {}, T)).toThrow(/not reachable/);
    expect(() => scopeArgs("PasswordResetToken", "findFirst", {}, T)).toThrow(/not reachable/);
    expect(() => scopeArgs("SomeFutureModel", "findMany", {}, T)).toThrow(/not reachable/);
  });

  it("fails closed on an operation it does not know", () => {
    expect(() => scopeArgs("Membership", "findRaw", {}, T)).toThrow(/not supported/);
  });
});

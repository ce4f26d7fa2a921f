import { Prisma } from "@/lib/generated/prisma/client";
import type { BaseClient } from "./internal/clients";

/**
 * The tenant filter you cannot forget (STYLE.md "Tenancy you cannot forget"). A scoped client
 * rewrites every top-level operation: reads, updates and deletes get `tenantId` added to their
 * `where`; creates get it stamped into their `data`. An explicit tenant id that differs from
 * the scope's throws instead of silently widening or narrowing the query, and so does a
 * missing one: Prisma reads `where: { tenantId: undefined }` as "every tenant".
 *
 * Known gap (Prisma intercepts top-level operations only): nested reads and writes are not
 * rewritten. They are safe because children reference parents by (tenantId, id) composite
 * foreign keys, so a nested connect cannot attach another tenant's row.
 */

/** Every model with a `tenantId` column; tests/unit/tenancy/tenant-models.test.ts derives it from the schema. */
export const TENANT_MODELS = [
  "Membership",
  "Invitation",
  "ApiKey",
  "InstagramAccount",
  "Automation",
  "Template",
  "Contact",
  "WebhookEvent",
  "AutomationRun",
  "OutboundMessage",
  "TrackedLink",
  "LinkClick",
  "Subscription",
  "UsageCounter",
  "AuditLog",
  "DailyStat",
] as const;

/** The tenant row itself: visible as `id = tenantId`, updatable, never created or deleted from inside a scope. */
export const TENANT_ROOT_MODEL = "Tenant";
/** Global reference data every tenant may read and none may write. */
export const SHARED_READ_MODELS = ["Plan"] as const;
/**
 * Global models a tenant scope never touches: people and their secrets (lib/auth owns them),
 * and Meta's data-deletion records, which name a person rather than a workspace and outlive it
 * (their optional `tenantId` is informative, see schema.prisma).
 */
export const UNSCOPED_MODELS = ["User", "PasswordResetToken", "DataDeletionRequest"] as const;

const TENANT_MODEL_SET: ReadonlySet<string> = new Set(TENANT_MODELS);
const SHARED_READ_SET: ReadonlySet<string> = new Set(SHARED_READ_MODELS);

const READ_OPS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);
const WHERE_WRITE_OPS = new Set(["update", "updateMany", "updateManyAndReturn", "delete", "deleteMany"]);
const CREATE_OPS = new Set(["create", "createMany", "createManyAndReturn"]);
const RAW_OPS = ["$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe"] as const;

export class TenantScopeError extends Error {
  override name = "TenantScopeError";
}

type Args = Record<string, unknown>;

function isRecord(v: unknown): v is Args {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `where` with the scope's tenant; a different tenant named anywhere at the top level is a bug, not a filter. */
function scopedWhere(where: unknown, tenantId: string, field: "tenantId" | "id", model: string): Args {
  if (where !== undefined && !isRecord(where)) throw new TenantScopeError(`${model}: where must be an object`);
  const w: Args = { ...(where ?? {}) };
  if (w[field] !== undefined && w[field] !== tenantId) {
    throw new TenantScopeError(`${model}: where.${field} names another tenant than the scope's`);
  }
  for (const [key, value] of Object.entries(w)) {
    // Compound unique inputs such as `tenantId_userId: { tenantId, userId }`.
    if (key.startsWith("tenantId_") && isRecord(value) && value.tenantId !== tenantId) {
      throw new TenantScopeError(`${model}: where.${key}.tenantId names another tenant than the scope's`);
    }
  }
  w[field] = tenantId;
  return w;
}

function stampData(data: unknown, tenantId: string, model: string): Args {
  if (!isRecord(data)) throw new TenantScopeError(`${model}: create data must be an object`);
  if (data.tenant !== undefined) {
    throw new TenantScopeError(`${model}: write tenantId as a scalar (the scope sets it), not through the tenant relation`);
  }
  if (data.tenantId !== undefined && data.tenantId !== tenantId) {
    throw new TenantScopeError(`${model}: cross-tenant write (data.tenantId is not the scope's tenant)`);
  }
  return { ...data, tenantId };
}

function checkUpdateData(data: unknown, model: string, tenantId: string, field: "tenantId" | "id"): void {
  if (!isRecord(data)) return;
  if (data.tenant !== undefined || (data[field] !== undefined && data[field] !== tenantId)) {
    throw new TenantScopeError(`${model}: ${field} is immutable inside a tenant scope`);
  }
}

/**
 * The argument rewriting itself, pure so it can be unit-tested without a database. Throws for
 * models a tenant scope must not touch and for any operation it does not know (fail closed).
 */
export function scopeArgs(model: string, operation: string, args: unknown, tenantId: string): Args {
  if (!tenantId) throw new TenantScopeError("tenant scope without a tenant id");
  const a: Args = isRecord(args) ? { ...args } : {};

  if (TENANT_MODEL_SET.has(model)) {
    if (READ_OPS.has(operation) || WHERE_WRITE_OPS.has(operation)) {
      a.where = scopedWhere(a.where, tenantId, "tenantId", model);
      if (WHERE_WRITE_OPS.has(operation)) checkUpdateData(a.data, model, tenantId, "tenantId");
      return a;
    }
    if (operation === "create") return { ...a, data: stampData(a.data, tenantId, model) };
    if (CREATE_OPS.has(operation)) {
      const rows = Array.isArray(a.data) ? a.data : [a.data];
      return { ...a, data: rows.map((d) => stampData(d, tenantId, model)) };
    }
    if (operation === "upsert") {
      checkUpdateData(a.update, model, tenantId, "tenantId");
      return { ...a, where: scopedWhere(a.where, tenantId, "tenantId", model), create: stampData(a.create, tenantId, model) };
    }
    throw new TenantScopeError(`${model}.${operation} is not supported inside a tenant scope`);
  }

  if (model === TENANT_ROOT_MODEL) {
    if (READ_OPS.has(operation) || operation === "update" || operation === "updateMany") {
      checkUpdateData(a.data, model, tenantId, "id");
      return { ...a, where: scopedWhere(a.where, tenantId, "id", model) };
    }
    throw new TenantScopeError(`Tenant.${operation} is not allowed inside a tenant scope`);
  }

  if (SHARED_READ_SET.has(model)) {
    if (READ_OPS.has(operation)) return a;
    throw new TenantScopeError(`${model} is read-only inside a tenant scope`);
  }

  throw new TenantScopeError(`${model} is not reachable through a tenant scope`);
}

/** The Prisma extension; build one per request or job (extended clients are cheap wrappers). */
export function tenantScope(tenantId: string) {
  if (typeof tenantId !== "string" || tenantId.length === 0) {
    throw new TenantScopeError("tenant scope without a tenant id");
  }
  const refuseRaw = () => {
    throw new TenantScopeError("raw SQL bypasses the tenant filter: use lib/db/raw, which takes the tenant explicitly");
  };
  return Prisma.defineExtension({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args, tenantId) as typeof args);
        },
      },
      ...Object.fromEntries(RAW_OPS.map((op) => [op, refuseRaw])),
    },
  });
}

function extend(base: BaseClient, tenantId: string) {
  return base.$extends(tenantScope(tenantId));
}

type Extended = ReturnType<typeof extend>;

/**
 * What services receive as `ctx.db` / `ctx.read`: no raw SQL (it would bypass the filter), no
 * users or password tokens (global; lib/auth owns them), no connection management.
 */
export type TenantDb = Omit<
  Extended,
  (typeof RAW_OPS)[number] | "user" | "passwordResetToken" | "$extends" | "$connect" | "$disconnect" | "$on"
>;

export function scopedClient(base: BaseClient, tenantId: string): TenantDb {
  return extend(base, tenantId);
}

import { Prisma } from "@/lib/generated/prisma/client";
import { primary, reader } from "../index";
import { TenantScopeError } from "../tenant-scope";

/**
 * The one home of raw SQL. Raw queries bypass the tenant-scope extension, so every query here
 * takes the tenant explicitly and must use it: write `${TENANT}` where the tenant id belongs
 * (`WHERE tenantId = ${TENANT}`); a query that never mentions it is refused before it runs.
 * Values are bound as parameters, never interpolated.
 */
export const TENANT: unique symbol = Symbol("tenantId");

type Value = Prisma.Sql | string | number | bigint | boolean | Date | null | typeof TENANT;

export function tenantSql(tenantId: string, strings: TemplateStringsArray, ...values: Value[]): Prisma.Sql {
  if (!tenantId) throw new TenantScopeError("raw SQL without a tenant id");
  if (!values.includes(TENANT)) throw new TenantScopeError("raw SQL must filter on its tenant: use ${TENANT}");
  return Prisma.sql(strings, ...values.map((v) => (v === TENANT ? tenantId : v)));
}

/** A read; `stale: true` allows a replica (lists, dashboards), like `ctx.read`. */
export function queryTenantRaw<T>(
  tenantId: string,
  opts: { stale?: boolean },
): (strings: TemplateStringsArray, ...values: Value[]) => Promise<T[]> {
  const client = opts.stale ? reader() : primary();
  return (strings, ...values) => client.$queryRaw<T[]>(tenantSql(tenantId, strings, ...values));
}

/** A write on the primary; resolves to the number of affected rows. */
export function executeTenantRaw(tenantId: string): (strings: TemplateStringsArray, ...values: Value[]) => Promise<number> {
  return (strings, ...values) => primary().$executeRaw(tenantSql(tenantId, strings, ...values));
}

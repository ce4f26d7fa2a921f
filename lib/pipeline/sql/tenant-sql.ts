import type { Pool, PoolConnection } from "mariadb";
import { TenantScopeError } from "@/lib/db/tenant-scope";
import { sqlPool } from "./pool";

/**
 * Tenant-explicit raw SQL on the driver pool, with the same guard as lib/db/raw: write
 * `${TENANT}` where the tenant id belongs, and a statement that never mentions it is refused
 * before it runs. Values are bound as `?` parameters, never interpolated. Statements go
 * through `execute` (binary protocol, prepared once per connection and cached).
 */
export const TENANT: unique symbol = Symbol("tenantId");

type Scalar = string | number | bigint | boolean | Date | null;
/** A value, the tenant marker, or a non-empty list (expanded to `?, ?, …` for IN clauses). */
export type SqlValue = Scalar | typeof TENANT | readonly Scalar[];
export type Statement = { sql: string; values: unknown[] };
type Runner = Pool | PoolConnection;
type WriteResult = { affectedRows: number; insertId: bigint | number | string };

export function tenantStatement(tenantId: string, strings: TemplateStringsArray, values: SqlValue[]): Statement {
  if (!tenantId) throw new TenantScopeError("raw SQL without a tenant id");
  if (!values.includes(TENANT)) throw new TenantScopeError("raw SQL must filter on its tenant: use ${TENANT}");
  let sql = strings[0] ?? "";
  const bound: unknown[] = [];
  for (let i = 1; i < strings.length; i++) {
    const v = values[i - 1];
    if (Array.isArray(v)) {
      if (v.length === 0) throw new RangeError("an IN list needs at least one value");
      sql += `${v.map(() => "?").join(", ")}${strings[i]}`;
      bound.push(...(v as Scalar[]));
    } else {
      sql += `?${strings[i]}`;
      bound.push(v === TENANT ? tenantId : v);
    }
  }
  return { sql, values: bound };
}

export type TenantSql = {
  query<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]>;
  /** Resolves to the number of affected rows. */
  execute(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<number>;
  /** An INSERT; resolves to the new AUTO_INCREMENT id as a string. */
  insert(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<string>;
  /** A write whose caller needs both: rows changed and the AUTO_INCREMENT id (0 when nothing was inserted). */
  write(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<{ affectedRows: number; insertId: string }>;
};

export function tenantSql(tenantId: string, runner: Runner = sqlPool()): TenantSql {
  const run = (strings: TemplateStringsArray, values: SqlValue[]) => {
    const s = tenantStatement(tenantId, strings, values);
    return runner.execute(s.sql, s.values) as Promise<unknown>;
  };
  return {
    query: async <T>(strings: TemplateStringsArray, ...values: SqlValue[]) => (await run(strings, values)) as T[],
    execute: async (strings, ...values) => Number(((await run(strings, values)) as WriteResult).affectedRows),
    insert: async (strings, ...values) => String(((await run(strings, values)) as WriteResult).insertId),
    write: async (strings, ...values) => {
      const r = (await run(strings, values)) as WriteResult;
      return { affectedRows: Number(r.affectedRows), insertId: String(r.insertId) };
    },
  };
}

/** A write on the primary; resolves to the number of affected rows. */
export const tenantExecute = (tenantId: string) => (strings: TemplateStringsArray, ...values: SqlValue[]) => tenantSql(tenantId).execute(strings, ...values);

/** One transaction on one connection; rolled back when `fn` throws. */
export async function withTenantTransaction<T>(tenantId: string, fn: (tx: TenantSql) => Promise<T>): Promise<T> {
  const conn = await sqlPool().getConnection();
  try {
    await conn.beginTransaction();
    const result = await fn(tenantSql(tenantId, conn));
    await conn.commit();
    return result;
  } catch (err) {
    await conn.rollback().catch(() => undefined);
    throw err;
  } finally {
    await conn.release();
  }
}

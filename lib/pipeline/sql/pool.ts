import mariadb, { type Pool } from "mariadb";
import { env } from "@/lib/env";

/**
 * A plain mariadb pool on the primary for the outbound hot path. Prisma's query engine costs
 * about 160 µs of CPU per raw statement on this machine kind, the driver alone about 40 µs;
 * at 2,000 sends/s with two writes each that difference is most of a core. Only
 * tenant-explicit statements go through it (tenant-sql.ts). It belongs in lib/db/raw; it lives
 * here until that module grows a driver-level path.
 */
const store = globalThis as unknown as { __replyflowSqlPool?: Pool };

export function sqlPool(): Pool {
  if (!store.__replyflowSqlPool) {
    const e = env();
    const u = new URL(e.DATABASE_URL);
    store.__replyflowSqlPool = mariadb.createPool({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: decodeURIComponent(u.pathname.slice(1)),
      connectionLimit: e.DATABASE_POOL_SIZE,
      acquireTimeout: 10_000,
      connectTimeout: 5_000,
      // DATETIME values are UTC throughout Replyflow, as in lib/db.
      timezone: "Z",
      // BIGINT ids come back as BigInt (callers turn them into strings): never a lossy number.
      bigIntAsNumber: false,
      insertIdAsNumber: false,
      // Affected rows are rows actually changed, so a conditional UPDATE (a claim, an
      // INSERT … ON DUPLICATE KEY no-op) tells exactly whether it took effect.
      foundRows: false,
    });
  }
  return store.__replyflowSqlPool;
}

export async function closeSqlPool(): Promise<void> {
  const p = store.__replyflowSqlPool;
  store.__replyflowSqlPool = undefined;
  if (p) await p.end().catch(() => undefined);
}

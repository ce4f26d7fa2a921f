import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import mariadb, { type Connection } from "mariadb";
import type { Logger } from "pino";

/**
 * Applies `prisma/migrations/<timestamp>_<name>/migration.sql` in order and records each one in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (uuid id, sha256 checksum of the
 * file, started/finished timestamps, applied_steps_count), so production may use either tool.
 * Prisma's native schema engine cannot be installed on this machine kind (ENVIRONMENT.md).
 */

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
const LOCK_NAME = "replyflow_migrate";

// The same DDL Prisma Migrate uses for its bookkeeping table on MySQL.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Opens a single connection able to run a whole migration script. */
export async function connectForMigrations(databaseUrl: string): Promise<Connection> {
  const url = new URL(databaseUrl);
  return mariadb.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    multipleStatements: true,
    connectTimeout: 10_000,
  });
}

/** Creates the database named in the URL if it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new MigrationError(`database name "${name}" must be letters, digits or _`);
  const conn = await mariadb.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectTimeout: 10_000,
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrate(databaseUrl: string, log?: Logger, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  await ensureDatabase(databaseUrl);
  const conn = await connectForMigrations(databaseUrl);
  try {
    // Several replicas may boot at once: one applies, the others wait and then find nothing to do.
    const [lock] = (await conn.query("SELECT GET_LOCK(?, 60) AS got", [LOCK_NAME])) as { got: number }[];
    if (Number(lock?.got) !== 1) throw new MigrationError("could not take the migration lock within 60 s");
    try {
      return await applyPending(conn, readMigrations(dir), log);
    } finally {
      await conn.query("SELECT RELEASE_LOCK(?)", [LOCK_NAME]);
    }
  } finally {
    await conn.end();
  }
}

async function applyPending(conn: Connection, migrations: Migration[], log?: Logger): Promise<MigrateResult> {
  await conn.query(CREATE_MIGRATIONS_TABLE);
  const rows = (await conn.query(
    "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
  )) as AppliedRow[];

  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} failed earlier and was not resolved; fix the database and mark it rolled back or applied before migrating again`,
    );
  }
  const applied = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
  const result: MigrateResult = { applied: [], alreadyApplied: [] };

  for (const m of migrations) {
    const done = applied.get(m.name);
    if (done) {
      if (done.checksum !== m.checksum) {
        log?.warn({ migration: m.name }, "migration file changed after it was applied; the database keeps the applied version");
      }
      result.alreadyApplied.push(m.name);
      continue;
    }
    const id = randomUUID();
    await conn.query(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)",
      [id, m.checksum, m.name],
    );
    try {
      await conn.query(m.sql);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await conn.query("UPDATE _prisma_migrations SET logs = ? WHERE id = ?", [message, id]);
      throw new MigrationError(`migration ${m.name} failed: ${message}`);
    }
    await conn.query("UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?", [id]);
    log?.info({ migration: m.name }, "migration applied");
    result.applied.push(m.name);
  }
  return result;
}

import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { connectForMigrations, migrate, readMigrations } from "@/lib/db/migrate";
import { expectedSchema, loadDmmf, SCHEMA_PATH } from "@/lib/db/schema/expected-schema";
import { introspectSchema, tableCollations } from "@/lib/db/schema/introspect";
import { describeChange, diffSchemas } from "@/lib/db/schema/diff";

const url = () => process.env.DATABASE_URL!;
const dbName = () => new URL(url()).pathname.slice(1);

async function actualSchema() {
  const conn = await connectForMigrations(url());
  try {
    return await introspectSchema(conn, dbName());
  } finally {
    await conn.end();
  }
}

describe("migrations against schema.prisma", () => {
  let firstRun: Awaited<ReturnType<typeof migrate>>;
  beforeAll(async () => {
    firstRun = await migrate(url());
  });

  it("applies every migration to an empty database", () => {
    expect(firstRun.applied).toEqual(readMigrations().map((m) => m.name));
    expect(firstRun.applied.length).toBeGreaterThan(0);
  });

  it("leaves a database identical to schema.prisma: tables, columns, types, nullability, defaults, indexes, uniques, foreign keys", async () => {
    const changes = diffSchemas(await actualSchema(), expectedSchema());
    expect(changes.map(describeChange)).toEqual([]);
  });

  it("creates every table as utf8mb4", async () => {
    const conn = await connectForMigrations(url());
    const collations = await tableCollations(conn, dbName());
    await conn.end();
    for (const table of expectedSchema().tables) expect(collations.get(table.name), table.name).toMatch(/^utf8mb4_/);
  });

  it("records each migration in _prisma_migrations as prisma migrate deploy does", async () => {
    const conn = await connectForMigrations(url());
    const rows = await conn.query(
      "SELECT id, checksum, migration_name, finished_at, started_at, applied_steps_count, rolled_back_at, logs FROM _prisma_migrations ORDER BY migration_name",
    );
    await conn.end();
    const files = readMigrations();
    expect(rows).toHaveLength(files.length);
    rows.forEach((row: Record<string, unknown>, i: number) => {
      const file = files[i]!;
      expect(row.migration_name).toBe(file.name);
      expect(row.checksum).toBe(createHash("sha256").update(readFileSync(path.join("prisma/migrations", file.name, "migration.sql"))).digest("hex"));
      expect(String(row.id)).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    });
  });

  it("is a no-op the second time", async () => {
    const second = await migrate(url());
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(firstRun.applied);
  });

  it("notices a column added to schema.prisma without a migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rf-schema-"));
    const edited = readFileSync(SCHEMA_PATH, "utf8").replace(
      /model Contact \{\n/,
      "model Contact {\n  loyaltyPoints Int @default(0)\n",
    );
    const file = path.join(dir, "schema.prisma");
    writeFileSync(file, edited);
    const changes = diffSchemas(await actualSchema(), expectedSchema(loadDmmf(file))).map(describeChange);
    expect(changes).toEqual(["column Contact.loyaltyPoints (int) is missing"]);
  });

  it("notices an index or a nullability change made only in schema.prisma", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rf-schema-"));
    const edited = readFileSync(SCHEMA_PATH, "utf8")
      .replace("  username            String?   @db.VarChar(64)\n  name                String?   @db.VarChar(100)\n  firstSeenAt", "  username            String    @db.VarChar(64)\n  name                String?   @db.VarChar(100)\n  firstSeenAt")
      .replace("  @@index([tenantId, username])\n", "  @@index([tenantId, username])\n  @@index([tenantId, optedOut])\n");
    const file = path.join(dir, "schema.prisma");
    writeFileSync(file, edited);
    const changes = diffSchemas(await actualSchema(), expectedSchema(loadDmmf(file))).map(describeChange);
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatch(/^column Contact\.username is .*"nullable":true.*schema\.prisma says .*"nullable":false/);
    expect(changes[1]).toBe("index Contact.Contact_tenantId_optedOut_idx (tenantId, optedOut) is missing or different");
  });
});

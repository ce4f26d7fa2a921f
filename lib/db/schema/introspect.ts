import type { Connection } from "mariadb";
import type { ColumnSpec, ForeignKeySpec, IndexSpec, SchemaSpec, TableSpec } from "./expected-schema";

/** Prisma's own bookkeeping table; not part of the domain schema. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

type Row = Record<string, unknown>;

/** Strips integer display widths (`int(11)` → `int`) that MariaDB reports and MySQL 8 does not. */
function normaliseType(columnType: string): string {
  return columnType.toLowerCase().replace(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/, (m, base: string) =>
    base === "tinyint" && m === "tinyint(1)" ? m : base,
  );
}

function normaliseDefault(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw);
  if (s === "NULL") return null; // MariaDB spells "no default" on a nullable column as the string NULL
  if (/^current_timestamp/i.test(s)) return s.toLowerCase().replace("current_timestamp()", "current_timestamp");
  if (/^curdate\(\)$/i.test(s)) return "curdate()";
  return s.replace(/^'(.*)'$/s, "$1").replace(/''/g, "'");
}

/** Reads a database's tables, columns, indexes and foreign keys in the same shape as `expectedSchema`. */
export async function introspectSchema(conn: Connection, database: string): Promise<SchemaSpec> {
  const tablesRows: Row[] = await conn.query(
    "SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    [database],
  );
  const columnRows: Row[] = await conn.query(
    `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS name, COLUMN_TYPE AS columnType, DATA_TYPE AS dataType,
            IS_NULLABLE AS nullable, COLUMN_DEFAULT AS def, EXTRA AS extra
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [database],
  );
  // MariaDB stores JSON as LONGTEXT guarded by CHECK (json_valid(col)); count that as json.
  const checkRows: Row[] = await conn
    .query(
      "SELECT TABLE_NAME AS tableName, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
      [database],
    )
    .catch(() => []);
  const jsonColumns = new Set(
    checkRows.flatMap((r) => {
      const m = /json_valid\(`([^`]+)`\)/i.exec(String(r.clause));
      return m ? [`${String(r.tableName)}.${m[1]}`] : [];
    }),
  );
  const indexRows: Row[] = await conn.query(
    `SELECT TABLE_NAME AS tableName, INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col, SEQ_IN_INDEX AS seq
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [database],
  );
  const fkRows: Row[] = await conn.query(
    `SELECT k.TABLE_NAME AS tableName, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS col, k.REFERENCED_TABLE_NAME AS refTable,
            k.REFERENCED_COLUMN_NAME AS refCol, r.DELETE_RULE AS onDelete, r.UPDATE_RULE AS onUpdate
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [database],
  );

  const tables: TableSpec[] = tablesRows
    .map((t) => String(t.name))
    .filter((name) => name !== MIGRATIONS_TABLE)
    .map((table) => {
      const columns: ColumnSpec[] = columnRows
        .filter((c) => c.tableName === table)
        .map((c) => {
          const isJson = String(c.dataType) === "json" || jsonColumns.has(`${table}.${String(c.name)}`);
          return {
            name: String(c.name),
            type: isJson ? "json" : normaliseType(String(c.columnType)),
            nullable: c.nullable === "YES",
            default: String(c.extra).includes("auto_increment") ? null : normaliseDefault(c.def),
            autoIncrement: String(c.extra).includes("auto_increment"),
          };
        });
      const byIndex = new Map<string, { unique: boolean; columns: string[] }>();
      for (const r of indexRows.filter((i) => i.tableName === table)) {
        const name = String(r.name);
        const entry = byIndex.get(name) ?? { unique: Number(r.nonUnique) === 0, columns: [] };
        entry.columns.push(String(r.col));
        byIndex.set(name, entry);
      }
      const primaryKey = byIndex.get("PRIMARY")?.columns ?? [];
      const indexes: IndexSpec[] = [...byIndex.entries()]
        .filter(([name]) => name !== "PRIMARY")
        .map(([name, v]) => ({ name, columns: v.columns, unique: v.unique }));
      const byFk = new Map<string, ForeignKeySpec>();
      for (const r of fkRows.filter((f) => f.tableName === table)) {
        const name = String(r.name);
        const fk = byFk.get(name) ?? {
          name,
          columns: [],
          refTable: String(r.refTable),
          refColumns: [],
          onDelete: String(r.onDelete),
          onUpdate: String(r.onUpdate),
        };
        fk.columns.push(String(r.col));
        fk.refColumns.push(String(r.refCol));
        byFk.set(name, fk);
      }
      return { name: table, columns, primaryKey, indexes, foreignKeys: [...byFk.values()] };
    });
  return { tables };
}

/** Table collations, checked separately: every table must be utf8mb4. */
export async function tableCollations(conn: Connection, database: string): Promise<Map<string, string>> {
  const rows: Row[] = await conn.query(
    "SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
    [database],
  );
  return new Map(rows.map((r) => [String(r.name), String(r.collation)]));
}

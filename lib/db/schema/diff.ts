import type { ColumnSpec, ForeignKeySpec, IndexSpec, SchemaSpec, TableSpec } from "./expected-schema";

/**
 * The difference between two schemas as a list of changes that would turn `from` into `to`.
 * The drift test asserts the list is empty; `npm run db:migration:new` renders it as SQL.
 */
export type SchemaChange =
  | { op: "create_table"; table: TableSpec }
  | { op: "drop_table"; table: string }
  | { op: "add_column"; table: string; column: ColumnSpec; after?: string }
  | { op: "modify_column"; table: string; column: ColumnSpec; was: ColumnSpec }
  | { op: "drop_column"; table: string; column: string }
  | { op: "add_index"; table: string; index: IndexSpec }
  | { op: "drop_index"; table: string; index: string }
  | { op: "add_foreign_key"; table: string; fk: ForeignKeySpec }
  | { op: "drop_foreign_key"; table: string; fk: string }
  | { op: "change_primary_key"; table: string; from: string[]; to: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffSchemas(from: SchemaSpec, to: SchemaSpec): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const fromTables = new Map(from.tables.map((t) => [t.name, t]));
  const toTables = new Map(to.tables.map((t) => [t.name, t]));

  for (const table of to.tables) if (!fromTables.has(table.name)) changes.push({ op: "create_table", table });
  for (const table of from.tables) if (!toTables.has(table.name)) changes.push({ op: "drop_table", table: table.name });

  for (const target of to.tables) {
    const current = fromTables.get(target.name);
    if (!current) continue;
    const currentCols = new Map(current.columns.map((c) => [c.name, c]));
    const targetCols = new Set(target.columns.map((c) => c.name));
    target.columns.forEach((column, i) => {
      const was = currentCols.get(column.name);
      if (!was) changes.push({ op: "add_column", table: target.name, column, after: target.columns[i - 1]?.name });
      else if (!same(was, column)) changes.push({ op: "modify_column", table: target.name, column, was });
    });
    for (const c of current.columns) if (!targetCols.has(c.name)) changes.push({ op: "drop_column", table: target.name, column: c.name });

    if (!same(current.primaryKey, target.primaryKey)) {
      changes.push({ op: "change_primary_key", table: target.name, from: current.primaryKey, to: target.primaryKey });
    }

    const currentIdx = new Map(current.indexes.map((i) => [i.name, i]));
    const targetIdx = new Map(target.indexes.map((i) => [i.name, i]));
    for (const index of target.indexes) {
      const was = currentIdx.get(index.name);
      if (was && same(was, index)) continue;
      if (was) changes.push({ op: "drop_index", table: target.name, index: index.name });
      changes.push({ op: "add_index", table: target.name, index });
    }
    for (const index of current.indexes) {
      if (!targetIdx.has(index.name)) changes.push({ op: "drop_index", table: target.name, index: index.name });
    }

    const currentFk = new Map(current.foreignKeys.map((f) => [f.name, f]));
    const targetFk = new Map(target.foreignKeys.map((f) => [f.name, f]));
    for (const fk of target.foreignKeys) {
      const was = currentFk.get(fk.name);
      if (was && same(was, fk)) continue;
      if (was) changes.push({ op: "drop_foreign_key", table: target.name, fk: fk.name });
      changes.push({ op: "add_foreign_key", table: target.name, fk });
    }
    for (const fk of current.foreignKeys) {
      if (!targetFk.has(fk.name)) changes.push({ op: "drop_foreign_key", table: target.name, fk: fk.name });
    }
  }
  // New tables' foreign keys are added after every table exists, as Prisma Migrate does.
  for (const c of [...changes]) {
    if (c.op === "create_table") for (const fk of c.table.foreignKeys) changes.push({ op: "add_foreign_key", table: c.table.name, fk });
  }
  return changes;
}

/** One line per change, for test failures and the generator's summary. */
export function describeChange(c: SchemaChange): string {
  switch (c.op) {
    case "create_table":
      return `table ${c.table.name} is missing`;
    case "drop_table":
      return `table ${c.table} is not in schema.prisma`;
    case "add_column":
      return `column ${c.table}.${c.column.name} (${c.column.type}) is missing`;
    case "modify_column":
      return `column ${c.table}.${c.column.name} is ${JSON.stringify(c.was)}, schema.prisma says ${JSON.stringify(c.column)}`;
    case "drop_column":
      return `column ${c.table}.${c.column} is not in schema.prisma`;
    case "add_index":
      return `index ${c.table}.${c.index.name} (${c.index.unique ? "unique " : ""}${c.index.columns.join(", ")}) is missing or different`;
    case "drop_index":
      return `index ${c.table}.${c.index} is not in schema.prisma (or differs)`;
    case "add_foreign_key":
      return `foreign key ${c.table}.${c.fk.name} is missing or different`;
    case "drop_foreign_key":
      return `foreign key ${c.table}.${c.fk} is not in schema.prisma (or differs)`;
    case "change_primary_key":
      return `primary key of ${c.table} is (${c.from.join(", ")}), schema.prisma says (${c.to.join(", ")})`;
  }
}

const q = (name: string) => `\`${name}\``;
const cols = (names: string[]) => names.map(q).join(", ");

function columnSql(c: ColumnSpec): string {
  // Enum values keep their case; everything else is written upper-case like Prisma Migrate does.
  const type = c.type.startsWith("enum(") ? `ENUM(${c.type.slice(5, -1)})` : c.type.toUpperCase();
  let sql = `${q(c.name)} ${type}`;
  sql += c.nullable ? " NULL" : " NOT NULL";
  if (c.default !== null) {
    const isExpr = /^(current_timestamp|curdate)/.test(c.default);
    const numeric = /^-?\d+(\.\d+)?$/.test(c.default) && !c.type.startsWith("varchar") && !c.type.startsWith("char") && !c.type.startsWith("enum");
    sql += ` DEFAULT ${isExpr ? c.default.toUpperCase() : numeric ? c.default : `'${c.default.replace(/'/g, "''")}'`}`;
  }
  if (c.autoIncrement) sql += " AUTO_INCREMENT";
  return sql;
}

const indexSql = (i: IndexSpec) => `${i.unique ? "UNIQUE INDEX" : "INDEX"} ${q(i.name)}(${cols(i.columns)})`;
const fkSql = (table: string, f: ForeignKeySpec) =>
  `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(f.name)} FOREIGN KEY (${cols(f.columns)}) REFERENCES ${q(f.refTable)}(${cols(f.refColumns)}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate};`;

/** Renders changes as MySQL DDL in the style of Prisma Migrate's generated migrations. */
export function renderSql(changes: SchemaChange[]): string {
  const out: string[] = [];
  for (const c of changes) {
    switch (c.op) {
      case "create_table": {
        const lines = [
          ...c.table.columns.map(columnSql),
          ...c.table.indexes.map(indexSql),
          `PRIMARY KEY (${cols(c.table.primaryKey)})`,
        ];
        out.push(
          `-- CreateTable\nCREATE TABLE ${q(c.table.name)} (\n    ${lines.join(",\n    ")}\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
        );
        break;
      }
      case "drop_table":
        out.push(`-- DropTable\nDROP TABLE ${q(c.table)};`);
        break;
      case "add_column":
        out.push(`-- AlterTable\nALTER TABLE ${q(c.table)} ADD COLUMN ${columnSql(c.column)}${c.after ? ` AFTER ${q(c.after)}` : " FIRST"};`);
        break;
      case "modify_column":
        out.push(`-- AlterTable\nALTER TABLE ${q(c.table)} MODIFY ${columnSql(c.column)};`);
        break;
      case "drop_column":
        out.push(`-- AlterTable\nALTER TABLE ${q(c.table)} DROP COLUMN ${q(c.column)};`);
        break;
      case "add_index":
        out.push(`-- CreateIndex\nCREATE ${c.index.unique ? "UNIQUE " : ""}INDEX ${q(c.index.name)} ON ${q(c.table)}(${cols(c.index.columns)});`);
        break;
      case "drop_index":
        out.push(`-- DropIndex\nDROP INDEX ${q(c.index)} ON ${q(c.table)};`);
        break;
      case "add_foreign_key":
        out.push(`-- AddForeignKey\n${fkSql(c.table, c.fk)}`);
        break;
      case "drop_foreign_key":
        out.push(`-- DropForeignKey\nALTER TABLE ${q(c.table)} DROP FOREIGN KEY ${q(c.fk)};`);
        break;
      case "change_primary_key":
        out.push(`-- AlterTable\nALTER TABLE ${q(c.table)} DROP PRIMARY KEY, ADD PRIMARY KEY (${cols(c.to)});`);
        break;
    }
  }
  // Foreign keys go last so they never point at a table that does not exist yet, and are
  // dropped first so no index they depend on is dropped under them.
  const rank = (s: string) => (s.startsWith("-- DropForeignKey") ? 0 : s.startsWith("-- AddForeignKey") ? 2 : 1);
  return out.sort((a, b) => rank(a) - rank(b)).join("\n\n") + "\n";
}

import { z } from "zod";

/**
 * Keyset pagination for every list endpoint: rows are ordered by (createdAt, id) and a page
 * continues strictly after the last row of the previous one, so inserts and deletes between
 * requests neither skip nor repeat rows (OFFSET would). The cursor is opaque to clients.
 */
export type Cursor = { createdAt: Date; id: string };
export type Direction = "asc" | "desc";

export const MAX_PAGE_SIZE = 100;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || id.length === 0 || id.length > 64) return null;
    const createdAt = new Date(at);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
  } catch {
    return null;
  }
}

export const ZCursor = z.string().max(200).transform((raw, ctx) => {
  const c = decodeCursor(raw);
  if (!c) {
    ctx.addIssue({ code: "custom", message: "Not a cursor this API returned" });
    return z.NEVER;
  }
  return c;
});

export const ZPageQuery = z.object({
  cursor: ZCursor.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** The `where` fragment for rows after `cursor` in the given order. */
export function afterCursor(cursor: Cursor | undefined, direction: Direction = "asc") {
  if (!cursor) return {};
  const op = direction === "asc" ? "gt" : "lt";
  return {
    OR: [{ createdAt: { [op]: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { [op]: cursor.id } }],
  };
}

export function orderBy(direction: Direction = "asc") {
  return [{ createdAt: direction }, { id: direction }] as const;
}

export type Page<T> = { data: T[]; nextCursor: string | null };

/** Callers fetch `limit + 1` rows; the extra one only says whether there is a next page. */
export function toPage<R extends Cursor, T>(rows: R[], limit: number, present: (row: R) => T): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

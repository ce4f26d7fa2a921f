import { encodeCursor, type Cursor, type Page } from "@/lib/api/pagination";
import type { ActivityPageQuery } from "@/lib/db/raw/activity-pages";
import type { ActivitySubject } from "./resolve-subject";

/**
 * lib/api/pagination's keyset, newest first, for the BIGINT-keyed activity tables: the cursor
 * carries the id as a decimal string and the comparison happens on the BIGINT, so rows
 * sharing a millisecond are ordered by id and never skipped or repeated across pages.
 */
export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

type ListQuery = { accountId?: string; automationId?: string; contactId?: string; from?: Date; to?: Date; cursor?: Cursor; limit: number };

/** The raw page query for a validated list query and its resolved subject; one extra row says whether there is a next page. */
export function pageQuery(q: ListQuery, subject: ActivitySubject, valuesIn: ActivityPageQuery["valuesIn"]): ActivityPageQuery {
  const contactIds = q.contactId ? (subject.contactIds ? subject.contactIds.filter((id) => id === q.contactId) : [q.contactId]) : subject.contactIds;
  const defined = Object.fromEntries(Object.entries(valuesIn ?? {}).filter(([, v]) => v !== undefined));
  return {
    take: q.limit + 1,
    ...(q.accountId ? { accountId: q.accountId } : {}),
    ...(q.automationId ? { automationId: q.automationId } : {}),
    ...(contactIds ? { contactIds } : {}),
    ...(subject.webhookEventIds ? { webhookEventIds: subject.webhookEventIds } : {}),
    ...(Object.keys(defined).length ? { valuesIn: defined } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.cursor ? { cursor: { createdAt: q.cursor.createdAt, id: BigInt(q.cursor.id) } } : {}),
  };
}

/** Callers fetch `limit + 1` rows; the extra one only says whether there is a next page. */
export function toActivityPage<R extends { createdAt: Date; id: bigint }, T>(rows: R[], limit: number, present: (row: R) => T): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id.toString() }) : null,
  };
}

import { Prisma } from "@/lib/generated/prisma/client";
import { queryTenantRaw, TENANT } from "./index";

/**
 * One page of the activity log (OutboundMessage or AutomationRun), newest first, in one round
 * trip with the automation's name and the contact's username joined in.
 *
 * Why raw SQL with an index hint: for a keyset condition `(createdAt < ? OR (createdAt = ? AND
 * id < ?))` on a non-covering SELECT, MariaDB 10.11 prefers `ref` access on the tenantId prefix
 * and walks the tenant's newest rows backwards until it passes the cursor — 70,000 rows read
 * for one page 70 % deep into 100,000 (ANALYZE), hundreds of milliseconds. Naming the index
 * makes it a `range` read that starts at the cursor: 26 rows for 26 results. The index is
 * chosen from the filters (most selective first) from a fixed list, never from input.
 */
export type ActivityTable = "OutboundMessage" | "AutomationRun";

export type ActivityPageQuery = {
  accountId?: string;
  automationId?: string;
  contactIds?: string[];
  webhookEventIds?: bigint[];
  /** Column → allowed values, e.g. status IN (…); columns come from ALLOWED_IN below. */
  valuesIn?: Partial<Record<"status" | "kind" | "outcome", readonly string[]>>;
  from?: Date;
  to?: Date;
  cursor?: { createdAt: Date; id: bigint };
  /** Rows to fetch (callers ask for one more than they show). */
  take: number;
};

const ALLOWED_IN: Record<ActivityTable, readonly string[]> = { OutboundMessage: ["status", "kind"], AutomationRun: ["outcome"] };

const COLUMNS: Record<ActivityTable, Prisma.Sql> = {
  OutboundMessage: Prisma.raw(
    "x.id, x.accountId, x.automationId, x.runId, x.webhookEventId, x.actionIndex, x.contactId, x.kind, x.commentId, x.content, x.status, x.attempts, x.errorCode, x.errorSubcode, x.errorClass, x.reason, x.scheduledAt, x.sentAt, x.latencyMs, x.createdAt",
  ),
  AutomationRun: Prisma.raw(
    "x.id, x.accountId, x.webhookEventId, x.automationId, x.automationVersion, x.contactId, x.eventKind, x.outcome, x.reason, x.matchedKeyword, x.mediaId, x.commentId, x.createdAt",
  ),
};

function indexFor(table: ActivityTable, q: ActivityPageQuery): Prisma.Sql {
  const name = q.webhookEventIds
    ? table === "OutboundMessage"
      ? "OutboundMessage_tenantId_webhookEventId_idx"
      : "AutomationRun_tenantId_webhookEventId_automationId_key"
    : q.contactIds
      ? `${table}_tenantId_contactId_createdAt_idx`
      : q.automationId
        ? `${table}_tenantId_automationId_createdAt_idx`
        : q.accountId
          ? `${table}_tenantId_accountId_createdAt_idx`
          : `${table}_tenantId_createdAt_idx`;
  return Prisma.raw(`\`${name}\``);
}

function conditions(table: ActivityTable, q: ActivityPageQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (q.accountId !== undefined) parts.push(Prisma.sql`x.accountId = ${q.accountId}`);
  if (q.automationId !== undefined) parts.push(Prisma.sql`x.automationId = ${q.automationId}`);
  if (q.contactIds) parts.push(q.contactIds.length ? Prisma.sql`x.contactId IN (${Prisma.join(q.contactIds)})` : Prisma.sql`FALSE`);
  if (q.webhookEventIds) parts.push(q.webhookEventIds.length ? Prisma.sql`x.webhookEventId IN (${Prisma.join(q.webhookEventIds)})` : Prisma.sql`FALSE`);
  for (const [column, values] of Object.entries(q.valuesIn ?? {})) {
    if (!values || !ALLOWED_IN[table].includes(column)) throw new Error(`${table}.${column} is not filterable`);
    parts.push(values.length ? Prisma.sql`x.${Prisma.raw(column)} IN (${Prisma.join([...values])})` : Prisma.sql`FALSE`);
  }
  if (q.from) parts.push(Prisma.sql`x.createdAt >= ${q.from}`);
  if (q.to) parts.push(Prisma.sql`x.createdAt < ${q.to}`);
  if (q.cursor) parts.push(Prisma.sql`(x.createdAt < ${q.cursor.createdAt} OR (x.createdAt = ${q.cursor.createdAt} AND x.id < ${q.cursor.id}))`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type Joined = { automationName: string | null; contactUsername: string | null };
/** The columns of an OutboundMessage the activity log shows (claim bookkeeping and Graph ids stay out). */
export type MessageFields = {
  id: bigint;
  accountId: string;
  automationId: string;
  runId: bigint | null;
  webhookEventId: bigint;
  actionIndex: number;
  contactId: string | null;
  kind: string;
  commentId: string | null;
  content: unknown;
  status: string;
  attempts: number;
  errorCode: number | null;
  errorSubcode: number | null;
  errorClass: string | null;
  reason: string | null;
  scheduledAt: Date;
  sentAt: Date | null;
  latencyMs: number | null;
  createdAt: Date;
};
/** The columns of an AutomationRun the activity log shows. */
export type RunFields = {
  id: bigint;
  accountId: string;
  webhookEventId: bigint;
  automationId: string | null;
  automationVersion: number | null;
  contactId: string | null;
  eventKind: string;
  outcome: "matched" | "skipped" | "failed";
  reason: string;
  matchedKeyword: string | null;
  mediaId: string | null;
  commentId: string | null;
  createdAt: Date;
};
export type RawMessageRow = Joined & MessageFields;
export type RawRunRow = Joined & RunFields;

function page<R>(table: ActivityTable, tenantId: string, q: ActivityPageQuery): Promise<R[]> {
  // Lag-tolerant: the activity log reads a replica, like ctx.read.
  return queryTenantRaw<R>(tenantId, { stale: true })`
    SELECT ${COLUMNS[table]}, a.name AS automationName, c.username AS contactUsername
      FROM ${Prisma.raw(table)} x FORCE INDEX (${indexFor(table, q)})
      LEFT JOIN Automation a ON a.tenantId = x.tenantId AND a.id = x.automationId
      LEFT JOIN Contact c ON c.tenantId = x.tenantId AND c.id = x.contactId
     WHERE x.tenantId = ${TENANT}${conditions(table, q)}
     ORDER BY x.createdAt DESC, x.id DESC
     LIMIT ${q.take}`;
}

export const outboundMessagePage = (tenantId: string, q: ActivityPageQuery) => page<RawMessageRow>("OutboundMessage", tenantId, q);
export const automationRunPage = (tenantId: string, q: ActivityPageQuery) => page<RawRunRow>("AutomationRun", tenantId, q);

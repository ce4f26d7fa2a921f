import { randomBytes } from "node:crypto";
import type { TInboundEvent } from "@/lib/events/inbound-event";
import type { QueuedSend } from "../outbound/enqueue-sends";
import { TENANT, withTenantTransaction, type TenantSql } from "../sql/tenant-sql";
import type { PlannedSend } from "./plan-actions";

export type RunRecord = {
  automationId: string | null;
  automationVersion: number | null;
  outcome: "matched" | "skipped";
  reason: string;
  matchedKeyword?: string;
};

export type Decision = {
  tenantId: string;
  accountId: string;
  webhookEventId: string;
  event: TInboundEvent;
  contactId: string | null;
  eventStatus: "processed" | "skipped";
  runs: RunRecord[];
  /** The matched automation and its planned sends (rows are tied to its run). */
  winner?: { automationId: string; sends: PlannedSend[]; tags: string[] };
};

/** Another job finished this event first (two deliveries raced past BullMQ's job-id dedupe). */
export class EventAlreadyHandled extends Error {
  override name = "EventAlreadyHandled";
}

const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

async function applyTags(tx: TenantSql, contactId: string, tags: string[], now: Date): Promise<void> {
  const [row] = await tx.query<{ tags: unknown }>`SELECT tags FROM Contact WHERE tenantId = ${TENANT} AND id = ${contactId} FOR UPDATE`;
  const current = typeof row?.tags === "string" ? (JSON.parse(row.tags) as unknown) : row?.tags;
  const merged = [...new Set([...(Array.isArray(current) ? current.filter((t): t is string => typeof t === "string") : []), ...tags])];
  await tx.execute`UPDATE Contact SET tags = ${JSON.stringify(merged)}, updatedAt = ${now} WHERE tenantId = ${TENANT} AND id = ${contactId}`;
}

async function insertRun(tx: TenantSql, d: Decision, r: RunRecord, now: Date): Promise<string> {
  const e = d.event;
  return tx.insert`INSERT INTO AutomationRun (tenantId, accountId, webhookEventId, automationId, automationVersion, contactId, eventKind, outcome, reason, matchedKeyword, mediaId, commentId, createdAt)
    VALUES (${TENANT}, ${d.accountId}, ${d.webhookEventId}, ${r.automationId}, ${r.automationVersion}, ${d.contactId}, ${e.kind}, ${r.outcome},
            ${cut(r.reason, 500)}, ${r.matchedKeyword ? cut(r.matchedKeyword, 100) : null}, ${e.mediaId ?? null}, ${e.commentId ?? null}, ${now})`;
}

async function insertSend(tx: TenantSql, d: Decision, automationId: string, runId: string, s: PlannedSend, now: Date): Promise<string | undefined> {
  // ON DUPLICATE KEY: Meta allows one private reply per comment, and so does a unique key; a
  // second automation answering the same comment keeps the first one's row (0 rows changed).
  const r = await tx.write`INSERT INTO OutboundMessage (tenantId, accountId, automationId, runId, webhookEventId, actionIndex, contactId, kind, recipientIgsid,
      commentId, privateReplyCommentId, content, status, attempts, reason, scheduledAt, createdAt, updatedAt)
    VALUES (${TENANT}, ${d.accountId}, ${automationId}, ${runId}, ${d.webhookEventId}, ${s.actionIndex}, ${d.contactId}, ${s.kind}, ${s.recipientIgsid ?? null},
            ${s.commentId ?? null}, ${s.privateReplyCommentId ?? null}, ${JSON.stringify(s.content)}, ${s.status}, 0, ${s.reason ?? null}, ${new Date(s.scheduledAt)}, ${now}, ${now})
    ON DUPLICATE KEY UPDATE id = id`;
  return r.affectedRows > 0 ? r.insertId : undefined;
}

/**
 * Writes an event's outcome in one transaction: the event marked handled (only if still
 * `received` — its row lock makes a racing duplicate wait and then find it done), the run
 * rows with their reasons, the winner's OutboundMessage rows, their tracked links, and its
 * tags on the contact. Resolves to the queued sends to enqueue after commit.
 */
export async function persistDecision(d: Decision): Promise<QueuedSend[]> {
  const now = new Date();
  return withTenantTransaction(d.tenantId, async (tx) => {
    const claimed = await tx.execute`UPDATE WebhookEvent SET status = ${d.eventStatus}, processedAt = ${now}
      WHERE tenantId = ${TENANT} AND id = ${d.webhookEventId} AND status = 'received'`;
    if (claimed === 0) throw new EventAlreadyHandled();
    if (d.winner?.tags.length && d.contactId) await applyTags(tx, d.contactId, d.winner.tags, now);

    let winnerRunId: string | undefined;
    for (const r of d.runs) {
      const id = await insertRun(tx, d, r, now);
      if (r.outcome === "matched" && r.automationId === d.winner?.automationId) winnerRunId = id;
    }
    const queued: QueuedSend[] = [];
    if (!d.winner || !winnerRunId) return queued;
    for (const s of d.winner.sends) {
      const id = await insertSend(tx, d, d.winner.automationId, winnerRunId, s, now);
      if (!id) continue;
      for (const link of s.links) {
        await tx.execute`INSERT INTO TrackedLink (id, tenantId, code, url, automationId, outboundMessageId, clickCount, createdAt)
          VALUES (${`l${randomBytes(12).toString("hex")}`}, ${TENANT}, ${link.code}, ${link.url}, ${d.winner.automationId}, ${id}, 0, ${now})`;
      }
      if (s.status !== "queued") continue;
      queued.push({
        tenantId: d.tenantId,
        accountId: d.accountId,
        outboundId: id,
        automationId: d.winner.automationId,
        actionIndex: s.actionIndex,
        webhookEventId: d.webhookEventId,
        kind: s.kind,
        ...(d.contactId ? { contactId: d.contactId } : {}),
        ...(s.recipientIgsid ? { recipientIgsid: s.recipientIgsid } : {}),
        ...(s.commentId ? { commentId: s.commentId } : {}),
        content: s.content,
        scheduledAt: s.scheduledAt,
      });
    }
    return queued;
  });
}

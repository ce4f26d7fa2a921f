import type { TProcessEventJob } from "@/lib/events/process-event-job";
import { TENANT, tenantSql } from "../sql/tenant-sql";

export type RecordedEvent = { id: string; status: "received" | "processed" | "skipped" | "failed"; created: boolean };

/** Payloads are kept for replay and debugging this long, then cleared by retention. */
const PAYLOAD_TTL_MS = 7 * 86_400_000;

/**
 * Inserts the WebhookEvent row — the at-most-once guard of SPEC §5: the unique
 * (tenant, account, dedupe key) makes a fifth delivery of one comment the same row. An
 * existing row comes back with its status, so the caller can tell done from interrupted.
 */
export async function recordWebhookEvent(data: TProcessEventJob): Promise<RecordedEvent> {
  const sql = tenantSql(data.tenantId);
  const e = data.event;
  const now = Date.now();
  const inserted = await sql.execute`INSERT INTO WebhookEvent (tenantId, accountId, dedupeKey, kind, senderId, occurredAt, receivedAt, status, payload, payloadExpiresAt)
    VALUES (${TENANT}, ${data.accountId}, ${e.dedupeKey}, ${e.kind}, ${e.senderId}, ${new Date(e.occurredAt)}, ${new Date(data.receivedAt)}, 'received',
            ${JSON.stringify(e)}, ${new Date(now + PAYLOAD_TTL_MS)})
    ON DUPLICATE KEY UPDATE id = id`;
  const rows = await sql.query<{ id: bigint; status: RecordedEvent["status"] }>`SELECT id, status FROM WebhookEvent
    WHERE tenantId = ${TENANT} AND accountId = ${data.accountId} AND dedupeKey = ${e.dedupeKey}`;
  const row = rows[0];
  if (!row) throw new Error("webhook event row vanished right after its insert");
  return { id: String(row.id), status: row.status, created: inserted > 0 };
}

import { TENANT, tenantSql } from "../../sql/tenant-sql";

export type MarkSentInput = {
  tenantId: string;
  outboundId: string;
  graphMessageId: string | null;
  at: number;
  latencyMs: number | null;
  /** Private replies: Meta now blocks further DMs to the person until they answer. */
  awaitContactId?: string;
  reason?: string;
};

/**
 * `sending`/`unknown` → `sent`, with Instagram's id for the message or comment. Conditional,
 * so an echo that settled the row first, or a late duplicate answer, changes nothing.
 * A private reply also marks its contact as awaiting an answer, in the same statement.
 */
export async function markSent(i: MarkSentInput): Promise<boolean> {
  const sql = tenantSql(i.tenantId);
  const at = new Date(i.at);
  if (i.awaitContactId) {
    return (
      (await sql.execute`UPDATE OutboundMessage o JOIN Contact c ON c.tenantId = o.tenantId AND c.id = ${i.awaitContactId}
        SET o.status = 'sent', o.graphMessageId = ${i.graphMessageId}, o.sentAt = ${at}, o.latencyMs = ${i.latencyMs}, o.updatedAt = ${at},
            o.reason = ${i.reason ?? null}, c.awaitingReply = 1, c.updatedAt = ${at}
        WHERE o.tenantId = ${TENANT} AND o.id = ${i.outboundId} AND o.status IN ('sending', 'unknown')`) > 0
    );
  }
  return (
    (await sql.execute`UPDATE OutboundMessage
      SET status = 'sent', graphMessageId = ${i.graphMessageId}, sentAt = ${at}, latencyMs = ${i.latencyMs}, updatedAt = ${at}, reason = ${i.reason ?? null}
      WHERE tenantId = ${TENANT} AND id = ${i.outboundId} AND status IN ('sending', 'unknown')`) > 0
  );
}

import { enqueueSends } from "../outbound/enqueue-sends";
import { loadSendRows } from "../outbound/store/load-send-rows";

/**
 * An event that was already handled came again (a redelivery after its job left Redis, or a
 * job retried after the commit but before its enqueue): enqueue its sends that are still
 * queued. Idempotent, since send jobs are keyed by row id.
 */
export async function replayQueuedSends(tenantId: string, webhookEventId: string): Promise<number> {
  const rows = await loadSendRows(tenantId, { webhookEventId, status: "queued" });
  if (rows.length) await enqueueSends(rows.map(({ status: _s, attempts: _a, errorClass: _e, claimedAt: _c, ...send }) => send));
  return rows.length;
}

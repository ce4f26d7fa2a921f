import { TENANT, tenantSql } from "../../sql/tenant-sql";
import { usageMeter } from "../../usage/usage-period";
import type { TOutboundKind } from "../content";

/**
 * Gives back the usage a claim reserved, for a send that did not go out (it was released for
 * a retry, or ended failed/skipped). Called only by whoever made that status change, so a
 * reservation is returned at most once. Never below zero.
 */
export async function refundUsage(tenantId: string, kind: TOutboundKind, period: string, at: number): Promise<void> {
  const meter = usageMeter(kind);
  if (!meter) return;
  const sql = tenantSql(tenantId);
  const now = new Date(at);
  if (meter.column === "dmsSent") {
    await sql.execute`UPDATE UsageCounter SET dmsSent = GREATEST(dmsSent - 1, 0), updatedAt = ${now} WHERE tenantId = ${TENANT} AND period = ${period}`;
  } else if (meter.column === "privateReplies") {
    await sql.execute`UPDATE UsageCounter SET privateReplies = GREATEST(privateReplies - 1, 0), updatedAt = ${now} WHERE tenantId = ${TENANT} AND period = ${period}`;
  } else {
    await sql.execute`UPDATE UsageCounter SET publicReplies = GREATEST(publicReplies - 1, 0), updatedAt = ${now} WHERE tenantId = ${TENANT} AND period = ${period}`;
  }
}

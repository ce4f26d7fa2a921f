import { randomBytes } from "node:crypto";
import { TENANT, tenantExecute } from "../sql/tenant-sql";

const ensured = new Set<string>();

/**
 * Makes sure the workspace has its UsageCounter row for `period`, so the claim's atomic
 * `UPDATE … WHERE used < limit` has a row to update. Idempotent (INSERT IGNORE on the unique
 * (tenant, period)); remembered per process so it costs one statement per tenant per month.
 */
export async function ensureUsageRow(tenantId: string, period: string): Promise<void> {
  const key = `${tenantId}:${period}`;
  if (ensured.has(key)) return;
  const id = `u${randomBytes(12).toString("hex")}`;
  await tenantExecute(tenantId)`INSERT IGNORE INTO UsageCounter (id, tenantId, period, dmsSent, privateReplies, publicReplies, updatedAt)
    VALUES (${id}, ${TENANT}, ${period}, 0, 0, 0, ${new Date()})`;
  if (ensured.size > 100_000) ensured.clear();
  ensured.add(key);
}

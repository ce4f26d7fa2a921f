import type { TPriorRun } from "@/lib/automations/evaluate";
import { TENANT, tenantSql } from "../sql/tenant-sql";

/** Enough history for every re-entry policy: the newest matched runs for this person. */
const LIMIT = 200;

/** This contact's earlier matched runs (any automation), newest first, for the re-entry checks. */
export async function loadPriorRuns(tenantId: string, contactId: string): Promise<TPriorRun[]> {
  const rows = await tenantSql(tenantId).query<{ automationId: string | null; mediaId: string | null; createdAt: Date }>`SELECT automationId, mediaId, createdAt
    FROM AutomationRun WHERE tenantId = ${TENANT} AND contactId = ${contactId} AND outcome = 'matched'
    ORDER BY createdAt DESC LIMIT ${LIMIT}`;
  const out: TPriorRun[] = [];
  for (const r of rows) {
    if (r.automationId) out.push({ automationId: r.automationId, contactId, ...(r.mediaId ? { mediaId: r.mediaId } : {}), at: r.createdAt });
  }
  return out;
}

import { TENANT, tenantSql } from "../sql/tenant-sql";

export type Usage = { dmsSent: number; privateReplies: number; publicReplies: number };

/** This month's counters (zero when the row does not exist yet). */
export async function readUsage(tenantId: string, period: string): Promise<Usage> {
  const rows = await tenantSql(tenantId).query<Usage>`SELECT dmsSent, privateReplies, publicReplies FROM UsageCounter WHERE tenantId = ${TENANT} AND period = ${period}`;
  return rows[0] ?? { dmsSent: 0, privateReplies: 0, publicReplies: 0 };
}

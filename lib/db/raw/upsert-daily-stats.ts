import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { primary } from "../index";
import { TenantScopeError } from "../tenant-scope";

export type DailyStatRow = {
  accountId: string;
  automationId: string;
  events: number;
  runsMatched: number;
  runsSkipped: number;
  sent: number;
  failed: number;
  skipped: number;
  clicks: number;
};

/** DailyStat ids only need to be unique; 16 random bytes as 32 hex characters fill the column. */
const newId = () => randomBytes(16).toString("hex");

/**
 * Replaces one tenant-day of DailyStat with `rows` in one transaction: a single multi-row
 * INSERT … ON DUPLICATE KEY UPDATE (one round trip however many automations, and safe when two
 * rollups of the same day race), then a DELETE of the scopes this run did not write, so
 * running it again over the same data leaves exactly the same rows. The tenant id is stamped
 * into every row and every WHERE here, because raw SQL bypasses the tenant scope.
 */
export async function upsertDailyStats(tenantId: string, day: Date, rows: readonly DailyStatRow[]): Promise<void> {
  if (!tenantId) throw new TenantScopeError("raw SQL without a tenant id");
  const stamp = new Date();
  const values = rows.map(
    (r) =>
      Prisma.sql`(${newId()}, ${tenantId}, ${day}, ${r.accountId}, ${r.automationId}, ${r.events}, ${r.runsMatched}, ${r.runsSkipped}, ${r.sent}, ${r.failed}, ${r.skipped}, ${r.clicks}, ${stamp})`,
  );
  const db = primary();
  const statements = [
    ...(values.length
      ? [
          db.$executeRaw`INSERT INTO DailyStat (id, tenantId, day, accountId, automationId, events, runsMatched, runsSkipped, sent, failed, skipped, clicks, updatedAt)
                         VALUES ${Prisma.join(values)}
                         ON DUPLICATE KEY UPDATE events = VALUES(events), runsMatched = VALUES(runsMatched), runsSkipped = VALUES(runsSkipped),
                           sent = VALUES(sent), failed = VALUES(failed), skipped = VALUES(skipped), clicks = VALUES(clicks), updatedAt = VALUES(updatedAt)`,
        ]
      : []),
    db.$executeRaw`DELETE FROM DailyStat WHERE tenantId = ${tenantId} AND day = ${day} AND updatedAt < ${stamp}`,
  ];
  await db.$transaction(statements);
}

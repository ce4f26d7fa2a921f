import { getDb } from "@/lib/db";
import { upsertDailyStats } from "@/lib/db/raw/upsert-daily-stats";
import { computeDailyStats } from "./compute-daily-stats";
import { startOfUtcDay } from "./utc-day";

/**
 * Writes one tenant's DailyStat rows for one UTC day from the runs, messages, clicks and
 * events of that day (one GROUP BY each), replacing whatever was there: idempotent, so the
 * maintenance job can run it as often as it likes. Message statuses keep changing for a while
 * after a send is queued, so the job should roll up yesterday and the day before, not only
 * the day that just ended. Reads the primary: a rollup from a lagging replica would be final
 * and wrong. Returns the number of scope rows written (always ≥ 1: the workspace row).
 */
export async function rollupDailyStats(tenantId: string, day: Date): Promise<number> {
  const utcDay = startOfUtcDay(day);
  const rows = await computeDailyStats({ tenantId, db: getDb(tenantId).db, stale: false }, utcDay);
  await upsertDailyStats(tenantId, utcDay, rows);
  return rows.length;
}

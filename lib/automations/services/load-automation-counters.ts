import { computeDailyStats } from "@/lib/activity/compute-daily-stats";
import { addUtcDays, startOfUtcDay } from "@/lib/activity/utc-day";
import type { TenantContext } from "@/lib/tenancy/context";
import type { AutomationCounters } from "./present-automation";

const zero = (): AutomationCounters => ({ matched: 0, skipped: 0, sent: 0, failed: 0 });

/**
 * Matched/skipped runs and sent/failed messages of the last 7 UTC days (today included) for a
 * page of automations. Finished days come from DailyStat (one indexed read for the page);
 * today — and yesterday until it is rolled up — from GROUP BYs over today's rows only, so the
 * cost does not grow with history.
 */
export async function loadAutomationCounters(ctx: TenantContext, automationIds: string[], now = new Date()): Promise<Map<string, AutomationCounters>> {
  const counters = new Map<string, AutomationCounters>(automationIds.map((id) => [id, zero()]));
  if (automationIds.length === 0) return counters;
  const today = startOfUtcDay(now);
  const yesterday = addUtcDays(today, -1);
  const [rolled, yesterdayRolledUp] = await Promise.all([
    ctx.read.dailyStat.findMany({
      where: { day: { gte: addUtcDays(today, -6), lt: today }, automationId: { in: automationIds } },
      select: { automationId: true, runsMatched: true, runsSkipped: true, sent: true, failed: true },
    }),
    ctx.read.dailyStat.findFirst({ where: { day: yesterday, accountId: "", automationId: "" }, select: { id: true } }),
  ]);
  const liveDays = yesterdayRolledUp ? [today] : [today, yesterday];
  const live = await Promise.all(liveDays.map((d) => computeDailyStats({ tenantId: ctx.tenant.id, db: ctx.read, stale: true }, d, { automationIds })));
  for (const r of [...rolled, ...live.flat()]) {
    const c = r.automationId ? counters.get(r.automationId) : undefined;
    if (!c) continue;
    c.matched += r.runsMatched;
    c.skipped += r.runsSkipped;
    c.sent += r.sent;
    c.failed += r.failed;
  }
  return counters;
}

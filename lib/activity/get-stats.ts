import { ApiError, notFound } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/tenancy/context";
import { COUNTER_FIELDS, computeDailyStats, zeroCounters, type DailyCounters } from "./compute-daily-stats";
import type { TStatsQuery } from "./schemas";
import { addUtcDays, DAY_MS, eachUtcDay, formatUtcDay, startOfUtcDay } from "./utc-day";

export const MAX_STATS_DAYS = 366;

type Scope = { accountId: string; automationId: string };

async function resolveScope(ctx: TenantContext, q: TStatsQuery): Promise<Scope> {
  if (q.automationId) {
    const a = await ctx.read.automation.findFirst({ where: { id: q.automationId, deletedAt: null }, select: { accountId: true } });
    if (!a || (q.accountId && q.accountId !== a.accountId)) throw notFound("No such automation in this workspace.");
    return { accountId: a.accountId, automationId: q.automationId };
  }
  if (q.accountId) {
    const account = await ctx.read.instagramAccount.findUnique({ where: { id: q.accountId }, select: { id: true } });
    if (!account) throw notFound("No such Instagram account in this workspace.");
    return { accountId: q.accountId, automationId: "" };
  }
  return { accountId: "", automationId: "" };
}

/**
 * Daily series for the overview charts. Finished days come from DailyStat; today — and
 * yesterday until the maintenance job has rolled it up — are counted live with the same
 * GROUP BYs the rollup uses, so the chart is current without scanning history.
 */
export async function getStats(ctx: TenantContext, q: TStatsQuery, now = new Date()) {
  const today = startOfUtcDay(now);
  const to = q.to && q.to < today ? q.to : today;
  const from = q.from ?? addUtcDays(to, -29);
  if (from > to) throw new ApiError("validation_failed", "`from` must not be after `to`.", { errors: [{ path: "from", message: "Must not be after `to`", code: "custom" }] });
  if ((to.getTime() - from.getTime()) / DAY_MS + 1 > MAX_STATS_DAYS) {
    throw new ApiError("validation_failed", `At most ${MAX_STATS_DAYS} days at once.`, { errors: [{ path: "from", message: `At most ${MAX_STATS_DAYS} days`, code: "too_big" }] });
  }
  const scope = await resolveScope(ctx, q);
  const yesterday = addUtcDays(today, -1);
  const [rolled, rolledRecent] = await Promise.all([
    ctx.read.dailyStat.findMany({ where: { day: { gte: from, lte: to }, ...scope } }),
    // The workspace row is written by every rollup, so its presence says "this day was rolled up".
    ctx.read.dailyStat.findMany({ where: { day: { gte: yesterday, lte: today }, accountId: "", automationId: "" }, select: { day: true } }),
  ]);
  const byDay = new Map<string, DailyCounters>(rolled.map((r) => [formatUtcDay(r.day), pickCounters(r)]));
  const rolledUp = new Set(rolledRecent.map((r) => formatUtcDay(r.day)));
  const liveDays = [yesterday, today].filter((d) => d >= from && d <= to && (d.getTime() === today.getTime() || !rolledUp.has(formatUtcDay(d))));
  await Promise.all(
    liveDays.map(async (d) => {
      const rows = await computeDailyStats(
        { tenantId: ctx.tenant.id, db: ctx.read, stale: true },
        d,
        scope.automationId ? { automationIds: [scope.automationId] } : {},
      );
      const row = rows.find((r) => r.accountId === scope.accountId && r.automationId === scope.automationId);
      byDay.set(formatUtcDay(d), row ? pickCounters(row) : zeroCounters());
    }),
  );
  const series = eachUtcDay(from, to).map((d) => ({ day: formatUtcDay(d), ...(byDay.get(formatUtcDay(d)) ?? zeroCounters()) }));
  const totals = zeroCounters();
  for (const point of series) for (const f of COUNTER_FIELDS) totals[f] += point[f];
  return {
    from: formatUtcDay(from),
    to: formatUtcDay(to),
    accountId: scope.accountId || null,
    automationId: scope.automationId || null,
    series,
    totals,
  };
}

function pickCounters(r: DailyCounters): DailyCounters {
  return Object.fromEntries(COUNTER_FIELDS.map((f) => [f, r[f]])) as DailyCounters;
}

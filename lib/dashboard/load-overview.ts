import { getStats } from "@/lib/activity/get-stats";
import { addUtcDays, startOfUtcDay } from "@/lib/activity/utc-day";
import { can } from "@/lib/tenancy/authorize";
import type { TenantContext } from "@/lib/tenancy/context";
import { getUsage } from "@/lib/usage/get-usage";
import { loadAccountHealth } from "./account-health";
import { loadHourlySeries } from "./hourly-series";
import { loadPipelineDepth } from "./queue-depth";

/** Days shown; 1 means the last 24 hours, hour by hour. */
export const OVERVIEW_RANGES = [1, 7, 14, 30, 90] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

/** The range in the URL, or by default 24 hours for a workspace younger than three days (it has no history yet), else 14 days. */
export function parseRange(raw: unknown, workspaceCreatedAt: Date, now = new Date()): OverviewRange {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  if ((OVERVIEW_RANGES as readonly number[]).includes(n)) return n as OverviewRange;
  return now.getTime() - workspaceCreatedAt.getTime() < 3 * 86_400_000 ? 1 : 14;
}

/**
 * Everything the overview shows, in parallel: the daily series (DailyStat plus today's live
 * counts), per-account health and limiter state, the delivery queues, automation counts and —
 * for members who may see billing — usage against the plan.
 */
export async function loadOverview(ctx: TenantContext, days: OverviewRange, now = new Date()) {
  const from = addUtcDays(startOfUtcDay(now), -(days - 1));
  const [stats, accounts, pipeline, automations, usage] = await Promise.all([
    days === 1 ? loadHourlySeries(ctx, now) : getStats(ctx, { from }, now),
    loadAccountHealth(ctx, now),
    loadPipelineDepth(),
    ctx.read.automation.groupBy({ by: ["status"], where: { deletedAt: null }, _count: { _all: true } }),
    can(ctx, "billing.read") ? getUsage(ctx, now) : Promise.resolve(null),
  ]);
  const byStatus = Object.fromEntries(automations.map((a) => [a.status, a._count._all])) as Partial<Record<"draft" | "active" | "paused", number>>;
  return { days, granularity: days === 1 ? ("hour" as const) : ("day" as const), stats: { series: stats.series, totals: stats.totals }, accounts, pipeline, automations: { active: byStatus.active ?? 0, paused: byStatus.paused ?? 0, draft: byStatus.draft ?? 0 }, usage };
}
export type Overview = Awaited<ReturnType<typeof loadOverview>>;

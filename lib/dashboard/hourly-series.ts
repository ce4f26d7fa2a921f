import { hourlyActivity } from "@/lib/db/raw/hourly-activity";
import type { TenantContext } from "@/lib/tenancy/context";

const HOUR_MS = 3_600_000;
export type HourPoint = { day: string; events: number; sent: number; failed: number; skipped: number; clicks: number };

/**
 * The last 24 hours, hour by hour (the current hour included), in the chart's point shape:
 * `day` holds the hour's ISO start. For a new workspace or a live demo this is the view that
 * moves; the daily series (getStats) is the one for history.
 */
export async function loadHourlySeries(ctx: TenantContext, now = new Date()): Promise<{ series: HourPoint[]; totals: Omit<HourPoint, "day"> }> {
  const currentHour = Math.floor(now.getTime() / HOUR_MS);
  const firstHour = currentHour - 23;
  const rows = await hourlyActivity(ctx.tenant.id, new Date(firstHour * HOUR_MS));
  const series: HourPoint[] = Array.from({ length: 24 }, (_, i) => ({ day: new Date((firstHour + i) * HOUR_MS).toISOString(), events: 0, sent: 0, failed: 0, skipped: 0, clicks: 0 }));
  const at = (hour: number | bigint) => series[Number(hour) - firstHour];
  for (const r of rows.events) { const p = at(r.hour); if (p) p.events += Number(r.n); }
  for (const r of rows.clicks) { const p = at(r.hour); if (p) p.clicks += Number(r.n); }
  for (const r of rows.messages) {
    const p = at(r.hour);
    if (p && (r.status === "sent" || r.status === "failed" || r.status === "skipped")) p[r.status] += Number(r.n);
  }
  const totals = { events: 0, sent: 0, failed: 0, skipped: 0, clicks: 0 };
  for (const p of series) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += p[k];
  return { series, totals };
}

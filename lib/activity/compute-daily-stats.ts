import type { TenantDb } from "@/lib/db";
import { queryTenantRaw, TENANT } from "@/lib/db/raw";
import { addUtcDays, startOfUtcDay } from "./utc-day";

export const COUNTER_FIELDS = ["events", "runsMatched", "runsSkipped", "sent", "failed", "skipped", "clicks"] as const;
export type DailyCounters = Record<(typeof COUNTER_FIELDS)[number], number>;

/**
 * One DailyStat scope: the whole workspace ("", ""), one account (accountId, ""), or one
 * automation (accountId, automationId) — the same keys the DailyStat unique index uses.
 */
export type ScopedCounters = DailyCounters & { accountId: string; automationId: string };

export const zeroCounters = (): DailyCounters => ({ events: 0, runsMatched: 0, runsSkipped: 0, sent: 0, failed: 0, skipped: 0, clicks: 0 });

export type StatsSource = { tenantId: string; db: TenantDb; stale: boolean };

type Add = (accountId: string | null, automationId: string | null, field: keyof DailyCounters, n: number) => void;

function collector() {
  const scopes = new Map<string, ScopedCounters>();
  const bump = (accountId: string, automationId: string, field: keyof DailyCounters, n: number) => {
    const k = `${accountId}\u0000${automationId}`;
    let row = scopes.get(k);
    if (!row) scopes.set(k, (row = { accountId, automationId, ...zeroCounters() }));
    row[field] += n;
  };
  // Every count rolls up into its automation, its account and the workspace at once.
  const add: Add = (accountId, automationId, field, n) => {
    bump("", "", field, n);
    if (!accountId) return;
    bump(accountId, "", field, n);
    if (automationId) bump(accountId, automationId, field, n);
  };
  bump("", "", "events", 0);
  return { add, rows: () => [...scopes.values()] };
}

/**
 * Counts one UTC day's events, runs, messages and clicks per scope, one GROUP BY per table,
 * each over a (tenantId, <time>) index range. `automationIds` narrows runs, messages and
 * clicks to those automations (events belong to no automation and are then left out).
 * The workspace row is always present, so a rollup of a quiet day still records that it ran.
 */
export async function computeDailyStats(src: StatsSource, dayInput: Date, opts: { automationIds?: string[] } = {}): Promise<ScopedCounters[]> {
  const day = startOfUtcDay(dayInput);
  const range = { gte: day, lt: addUtcDays(day, 1) };
  const ids = opts.automationIds;
  if (ids && ids.length === 0) return collector().rows();
  const byAutomation = ids ? { automationId: { in: ids } } : {};
  const raw = queryTenantRaw<{ accountId: string | null; automationId: string | null; n: bigint | number }>(src.tenantId, { stale: src.stale });
  const [events, runs, messages, clicks] = await Promise.all([
    ids ? Promise.resolve([]) : src.db.webhookEvent.groupBy({ by: ["accountId"], where: { receivedAt: range }, _count: { _all: true } }),
    src.db.automationRun.groupBy({ by: ["accountId", "automationId", "outcome"], where: { createdAt: range, ...byAutomation }, _count: { _all: true } }),
    src.db.outboundMessage.groupBy({ by: ["accountId", "automationId", "status"], where: { createdAt: range, ...byAutomation }, _count: { _all: true } }),
    raw`SELECT a.accountId AS accountId, l.automationId AS automationId, COUNT(*) AS n
          FROM LinkClick c
          JOIN TrackedLink l ON l.tenantId = c.tenantId AND l.id = c.linkId
          LEFT JOIN Automation a ON a.tenantId = l.tenantId AND a.id = l.automationId
         WHERE c.tenantId = ${TENANT} AND c.clickedAt >= ${range.gte} AND c.clickedAt < ${range.lt}
         GROUP BY a.accountId, l.automationId`,
  ]);
  const { add, rows } = collector();
  for (const e of events) add(e.accountId, null, "events", e._count._all);
  for (const r of runs) {
    if (r.outcome === "matched") add(r.accountId, r.automationId, "runsMatched", r._count._all);
    else if (r.outcome === "skipped") add(r.accountId, r.automationId, "runsSkipped", r._count._all);
  }
  for (const m of messages) {
    if (m.status === "sent" || m.status === "failed" || m.status === "skipped") add(m.accountId, m.automationId, m.status, m._count._all);
  }
  const wanted = ids ? new Set(ids) : null;
  for (const c of clicks) {
    if (wanted && (!c.automationId || !wanted.has(c.automationId))) continue;
    add(c.accountId, c.automationId, "clicks", Number(c.n));
  }
  return rows();
}

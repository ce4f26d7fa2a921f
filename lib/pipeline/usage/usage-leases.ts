import { TENANT, tenantSql } from "../sql/tenant-sql";
import { ensureUsageRow } from "./ensure-usage-row";
import { usageMeter, type UsageMeter } from "./usage-period";

/**
 * The plan's monthly counters, reserved authoritatively in MySQL but in leases: a worker takes
 * a block of units with one conditional UPDATE (`… SET used = used + n WHERE used + n <= limit`)
 * and hands them to its sends in memory. A busy workspace's counter row is then touched once
 * per block instead of once per send — at 2,000 sends/s that row was the hottest lock in the
 * database. Blocks start at 1 unit and double while a workspace keeps using them up (to 64);
 * units a send gives back are reused; leftovers return to MySQL after IDLE_MS and at shutdown.
 *
 * What this trades: the counter may run ahead of real sends by the units currently leased (at
 * most MAX_LEASE per workspace and worker; a killed worker's leftovers stay counted — in the
 * safe direction, a quota is never exceeded), and at the very edge of a quota a send can be
 * refused while another worker still holds a few unused units for up to IDLE_MS.
 */
const MAX_LEASE = 64;
const IDLE_MS = 5_000;

type Lease = { tenantId: string; period: string; meter: UsageMeter; available: number; nextSize: number; filledAt: number; usedAt: number; filling?: Promise<boolean> };
const leases = new Map<string, Lease>();

async function reserve(l: Lease, n: number, limit: number): Promise<boolean> {
  const sql = tenantSql(l.tenantId);
  const now = new Date();
  switch (l.meter.column) {
    case "dmsSent":
      return (await sql.execute`UPDATE UsageCounter SET dmsSent = dmsSent + ${n}, updatedAt = ${now}
        WHERE tenantId = ${TENANT} AND period = ${l.period} AND dmsSent + privateReplies + ${n} <= ${limit}`) > 0;
    case "privateReplies":
      return (await sql.execute`UPDATE UsageCounter SET privateReplies = privateReplies + ${n}, updatedAt = ${now}
        WHERE tenantId = ${TENANT} AND period = ${l.period} AND dmsSent + privateReplies + ${n} <= ${limit}`) > 0;
    case "publicReplies":
      return (await sql.execute`UPDATE UsageCounter SET publicReplies = publicReplies + ${n}, updatedAt = ${now}
        WHERE tenantId = ${TENANT} AND period = ${l.period} AND publicReplies + ${n} <= ${limit}`) > 0;
  }
}

async function remaining(l: Lease, limit: number): Promise<number | undefined> {
  const [u] = await tenantSql(l.tenantId).query<{ dmsSent: number; privateReplies: number; publicReplies: number }>`SELECT dmsSent, privateReplies, publicReplies
    FROM UsageCounter WHERE tenantId = ${TENANT} AND period = ${l.period}`;
  if (!u) return undefined;
  return limit - (l.meter.quota === "dm" ? u.dmsSent + u.privateReplies : u.publicReplies);
}

/** Takes a new block from MySQL; a smaller one near the quota; false when nothing is left. */
async function fill(l: Lease, limit: number): Promise<boolean> {
  const now = Date.now();
  const size = now - l.filledAt < 1_000 ? Math.min(MAX_LEASE, l.nextSize * 2) : 1;
  if (await reserve(l, size, limit)) {
    Object.assign(l, { available: l.available + size, nextSize: size, filledAt: now });
    return true;
  }
  let left = await remaining(l, limit);
  if (left === undefined) {
    await ensureUsageRow(l.tenantId, l.period);
    left = await remaining(l, limit);
  }
  if (!left || left <= 0) return false;
  const n = Math.min(size, left);
  if (!(await reserve(l, n, limit))) return false;
  Object.assign(l, { available: l.available + n, nextSize: n, filledAt: now });
  return true;
}

/**
 * One unit of the plan's monthly quota for a send of `kind` (unmetered kinds always succeed).
 * False means the workspace is over its plan's limit for this month.
 */
export async function takeUsage(tenantId: string, kind: string, period: string, limits: { dm: number; reply: number }): Promise<boolean> {
  const meter = usageMeter(kind);
  if (!meter) return true;
  const key = `${tenantId}|${period}|${meter.column}`;
  let l = leases.get(key);
  if (!l) leases.set(key, (l = { tenantId, period, meter, available: 0, nextSize: 1, filledAt: 0, usedAt: 0 }));
  const limit = meter.quota === "dm" ? limits.dm : limits.reply;
  // Every round either takes a unit or waits for a fill that reserved more (or proved the quota
  // exhausted), so the loop ends; the bound only guards against a bug.
  for (let round = 0; round < 1_000; round++) {
    if (l.available > 0) {
      l.available--;
      l.usedAt = Date.now();
      return true;
    }
    const lease = l;
    lease.filling ??= fill(lease, limit).finally(() => (lease.filling = undefined));
    if (!(await lease.filling) && lease.available === 0) return false;
  }
  throw new Error("usage lease did not converge");
}

/** A send that took a unit did not go out: the unit goes back to this worker's lease. */
export function returnUsage(tenantId: string, kind: string, period: string): void {
  const meter = usageMeter(kind);
  const l = meter && leases.get(`${tenantId}|${period}|${meter.column}`);
  if (l) l.available++;
}

async function giveBack(l: Lease): Promise<void> {
  const n = l.available;
  if (n <= 0) return;
  l.available = 0;
  const sql = tenantSql(l.tenantId);
  const now = new Date();
  if (l.meter.column === "dmsSent") await sql.execute`UPDATE UsageCounter SET dmsSent = GREATEST(dmsSent - ${n}, 0), updatedAt = ${now} WHERE tenantId = ${TENANT} AND period = ${l.period}`;
  else if (l.meter.column === "privateReplies") await sql.execute`UPDATE UsageCounter SET privateReplies = GREATEST(privateReplies - ${n}, 0), updatedAt = ${now} WHERE tenantId = ${TENANT} AND period = ${l.period}`;
  else await sql.execute`UPDATE UsageCounter SET publicReplies = GREATEST(publicReplies - ${n}, 0), updatedAt = ${now} WHERE tenantId = ${TENANT} AND period = ${l.period}`;
}

/** Returns unused units of leases idle for IDLE_MS (or all of them, at shutdown). */
export async function releaseUsageLeases(all = false): Promise<void> {
  const now = Date.now();
  for (const [key, l] of leases) {
    if (!all && (now - l.usedAt < IDLE_MS || l.filling)) continue;
    await giveBack(l).catch(() => undefined);
    if (l.available === 0 && !l.filling) leases.delete(key);
  }
}

setInterval(() => void releaseUsageLeases(), IDLE_MS).unref();

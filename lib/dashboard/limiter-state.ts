import { limitsFor, RATE_CLASSES, scaleLimit, type AccountLimitColumns, type RateClass } from "@/lib/outbound/rate-limit";
import { rateKeys } from "@/lib/outbound/rate-limit/keys";
import { parkingKeys } from "@/lib/pipeline/outbound/parking-keys";
import { redis } from "@/lib/redis";

export type ClassWindow = { cls: RateClass; used: number; limit: number; effectiveLimit: number; windowMs: number; lastReservationAt: number | null };
export type LimiterState = { nowMs: number; cooldown: { ms: number; reason: string } | null; usagePct: number | null; parked: number; classes: ClassWindow[] };

/**
 * A read-only look at one account's outbound limiter in Redis (lib/outbound/rate-limit keys):
 * the cooldown Instagram imposed, the latest usage reading, calls granted in each class's
 * current window, the furthest reserved slot, and sends parked until reconnect. One pipeline
 * per page for every account, on the limiter's own clock (Redis TIME). Never writes.
 */
export async function readLimiterStates(accounts: ({ id: string } & AccountLimitColumns)[]): Promise<Map<string, LimiterState>> {
  const out = new Map<string, LimiterState>();
  if (accounts.length === 0) return out;
  const r = redis();
  const [sec, micro] = await r.time();
  const nowUs = Number(sec) * 1_000_000 + Number(micro);
  const nowMs = Math.floor(nowUs / 1000);
  const p = r.pipeline();
  for (const a of accounts) {
    const limits = limitsFor(a);
    p.pttl(rateKeys.cooldown(a.id)).get(rateKeys.cooldown(a.id)).hget(rateKeys.usage(a.id), "pct").scard(parkingKeys.account(a.id));
    for (const cls of RATE_CLASSES) {
      p.zcount(rateKeys.log(a.id, cls), `(${nowUs - limits[cls].windowMs * 1000}`, "+inf");
      p.zrange(rateKeys.reservations(a.id, cls), -1, -1, "WITHSCORES");
    }
  }
  const replies = (await p.exec()) ?? [];
  let i = 0;
  const next = () => {
    const [err, value] = replies[i++] ?? [null, null];
    if (err) throw err;
    return value;
  };
  for (const a of accounts) {
    const limits = limitsFor(a);
    const pttl = Number(next());
    const reason = next() as string | null;
    const pctRaw = next() as string | null;
    const parked = Number(next());
    const usagePct = pctRaw === null ? null : Number(pctRaw);
    const classes = RATE_CLASSES.map((cls): ClassWindow => {
      const used = Number(next());
      const last = next() as string[];
      const at = last.length === 2 ? Number(last[1]) : null;
      const limit = limits[cls].limit;
      return {
        cls,
        used,
        limit,
        effectiveLimit: usagePct === null ? limit : scaleLimit(limit, usagePct),
        windowMs: limits[cls].windowMs,
        lastReservationAt: at !== null && at > nowMs ? at : null,
      };
    });
    out.set(a.id, { nowMs, cooldown: pttl > 0 ? { ms: pttl, reason: reason ?? "" } : null, usagePct, parked, classes });
  }
  return out;
}

/**
 * The arithmetic of the Lua scripts, in TypeScript. The scripts are the implementation (they
 * run atomically inside Redis); these functions are their executable specification: unit tests
 * pin the maths, and integration tests replay random traffic through both and demand identical
 * answers. Change one, change the other.
 *
 * Call logs are in integer microseconds (Redis TIME is µs; integers up to 2^53 keep every
 * comparison exact). Reservations are in integer milliseconds (what BullMQ's delay takes).
 */

/** Usage at or above this percentage starts shrinking the limit. */
export const ADAPTIVE_FROM_PCT = 80;
/** At 100 % usage the limit is this fraction (as parts of 2000, so the maths stays integral). */
const FULL_PARTS = 2_000;
const PARTS_LOST_PER_PCT = 75; // 2000 - 75 × 20 = 500 → 25 % at 100 % usage

/**
 * Limit after adapting to Meta's reported usage: unchanged below 80 %, then linearly down to
 * 25 % at 100 % (and beyond). Never below 1, so an account under pressure still trickles
 * instead of stalling with no wake-up time.
 */
export function scaleLimit(baseLimit: number, usagePct: number): number {
  const pct = Math.ceil(usagePct);
  if (!(pct >= ADAPTIVE_FROM_PCT)) return baseLimit;
  const over = Math.min(pct, 100) - ADAPTIVE_FROM_PCT;
  return Math.max(1, Math.floor((baseLimit * (FULL_PARTS - PARTS_LOST_PER_PCT * over)) / FULL_PARTS));
}

/** The single figure we act on: the tightest of Meta's three percentages, rounded up. */
export function usagePercent(usage: { callCount?: number; totalCputime?: number; totalTime?: number }): number | undefined {
  const values = [usage.callCount, usage.totalCputime, usage.totalTime].filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0);
  return values.length ? Math.ceil(Math.max(...values)) : undefined;
}

export type WindowDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Sliding-window log decision, as the acquire script takes it. `log` holds granted call times
 * (µs, ascending) and is pruned in place of everything at or before `now - window` (the same
 * edge Meta's simulator evicts at). With `count` calls left, the call is refused when
 * `count >= limit`; it can go once the entry at index `count - limit` leaves the window, since
 * that leaves `limit - 1` calls in it.
 */
export function decide(log: number[], nowUs: number, limit: number, windowUs: number): WindowDecision {
  const edge = nowUs - windowUs;
  let drop = 0;
  while (drop < log.length && (log[drop] as number) <= edge) drop++;
  if (drop) log.splice(0, drop);
  const count = log.length;
  if (count < limit) return { ok: true };
  const freeing = log[count - limit] as number;
  return { ok: false, retryAfterMs: Math.ceil((freeing + windowUs - nowUs) / 1_000) };
}

/**
 * Earliest time (ms) a new call may be scheduled given `reserved` (ms, ascending, the newest
 * `keep` at most): never before `floorMs` (now, or the end of a cooldown); never before the
 * newest reservation, so the log stays append-only and every earlier window keeps its count;
 * and one window after the limit-th most recent one, so no window holds more than `limit`.
 */
export function nextSlot(reserved: readonly number[], floorMs: number, limit: number, windowMs: number): number {
  let t = floorMs;
  const n = reserved.length;
  if (n > 0) t = Math.max(t, reserved[n - 1] as number);
  if (n >= limit) t = Math.max(t, (reserved[n - limit] as number) + windowMs);
  return t;
}

/**
 * `count` slots in a row, appending each to `reserved` and keeping only the newest `keep`
 * (the base limit, which is never below the effective `limit`).
 */
export function nextSlots(reserved: number[], floorMs: number, limit: number, windowMs: number, count: number, keep: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = nextSlot(reserved, floorMs, limit, windowMs);
    reserved.push(t);
    if (reserved.length > keep) reserved.splice(0, reserved.length - keep);
    out.push(t);
  }
  return out;
}

/** True when some window of `windowMs` (half-open, `(t - W, t]`) holds more than `limit` times. */
export function exceedsInAnyWindow(times: readonly number[], limit: number, windowMs: number): boolean {
  const sorted = [...times].sort((a, b) => a - b);
  for (let i = limit; i < sorted.length; i++) {
    if ((sorted[i] as number) - (sorted[i - limit] as number) < windowMs) return true;
  }
  return false;
}

import type { RateClass } from "@/lib/outbound/rate-limit";

/**
 * How long an account's queued sends will take to drain, from what its limiter knows: the
 * cooldown Instagram imposed, the furthest slot already reserved per call class, and the
 * backlog each class still has to push through its window at the (usage-adapted) limit.
 * Pure, so the arithmetic is unit-tested apart from Redis.
 */
export type ClassLoad = {
  cls: RateClass;
  pending: number;
  limit: number;
  windowMs: number;
  /** Epoch ms of the class's furthest reservation, on the limiter's (Redis) clock. */
  lastReservationAt: number | null;
};

export type EtaInput = { backlog: number; cooldownMs: number; nowMs: number; classes: ClassLoad[] };

export type Eta = { ms: number; limitedBy: "none" | "cooldown" | RateClass };

export function estimateDrain(input: EtaInput): Eta {
  if (input.backlog <= 0) return { ms: 0, limitedBy: "none" };
  let paced: Eta = { ms: 0, limitedBy: "none" };
  let reserved: Eta = { ms: 0, limitedBy: "none" };
  for (const c of input.classes) {
    if (c.pending > 0 && c.limit > 0) {
      // `limit` sends fit in each window and the first window is now: 750 private replies at
      // 750/hour go at once, 751 take an hour.
      const ms = (Math.ceil(c.pending / c.limit) - 1) * c.windowMs;
      if (ms > paced.ms) paced = { ms, limitedBy: c.cls };
    }
    const until = c.lastReservationAt === null ? 0 : c.lastReservationAt - input.nowMs;
    if (until > reserved.ms) reserved = { ms: until, limitedBy: c.cls };
  }
  // Nothing leaves before a cooldown ends; reservations are already placed after it.
  const cooldown = Math.max(0, input.cooldownMs);
  const drain: Eta = { ms: cooldown + paced.ms, limitedBy: cooldown > paced.ms ? "cooldown" : paced.limitedBy };
  return reserved.ms > drain.ms ? reserved : drain;
}

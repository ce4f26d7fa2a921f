import { ADAPTIVE_CLASSES, paddedWindowMs, type RateClass } from "./classes";
import { nextToken, rateKeys } from "./keys";
import type { ScriptClient } from "./lua-script";
import { RESERVE } from "./scripts";
import { assertLimit } from "./validate";

export type ReserveInput = {
  accountId: string;
  cls: RateClass;
  limit: number;
  windowMs: number;
  /** Epoch ms to schedule from instead of Redis TIME: replays and tests only. */
  now?: number;
  marginMs?: number;
};

export type SlotReservation = {
  /** Epoch ms (Redis clock) from which the send fits within every window. */
  at: number;
  /**
   * `at` minus Redis's now: the BullMQ `delay` to enqueue with. Measured on one clock, so a
   * producer whose own clock is off still schedules correctly.
   */
  delayMs: number;
};

/**
 * One script call does at most this many, so a huge backlog never blocks Redis for long
 * (2,000 reservations take a few ms); reserveSlots splits bigger batches.
 */
export const MAX_RESERVATIONS_PER_CALL = 2_000;

/**
 * Schedules sends at enqueue time (anchors §3.3 a): each reservation is the earliest instant at
 * which one more send fits, given every send already scheduled for the account and class. A
 * 50,000-comment backlog lands in BullMQ's delayed set at its real send times instead of
 * waking and being re-deferred over and over. acquire() still guards the actual call.
 */
export async function reserveSlot(redis: ScriptClient, input: ReserveInput): Promise<SlotReservation> {
  const [slot] = await reserveBatch(redis, input, 1);
  return slot as SlotReservation;
}

/** `n` consecutive reservations, in order, in one round trip per 2,000. */
export async function reserveSlots(redis: ScriptClient, input: ReserveInput & { n: number }): Promise<SlotReservation[]> {
  if (!Number.isInteger(input.n) || input.n < 0) throw new RangeError(`n must be a non-negative integer, got ${input.n}`);
  const out: SlotReservation[] = [];
  for (let left = input.n; left > 0; left -= MAX_RESERVATIONS_PER_CALL) {
    out.push(...(await reserveBatch(redis, input, Math.min(left, MAX_RESERVATIONS_PER_CALL))));
  }
  return out;
}

async function reserveBatch(redis: ScriptClient, input: ReserveInput, n: number): Promise<SlotReservation[]> {
  assertLimit(input.limit, input.windowMs);
  const reply = (await RESERVE.run(
    redis,
    [rateKeys.reservations(input.accountId, input.cls), rateKeys.cooldown(input.accountId), rateKeys.usage(input.accountId)],
    [
      input.limit,
      paddedWindowMs(input.windowMs, input.marginMs),
      n,
      `${nextToken()}:`,
      input.now === undefined ? "" : Math.floor(input.now),
      ADAPTIVE_CLASSES.has(input.cls) ? "1" : "0",
    ],
  )) as number[];
  const now = reply[0] as number;
  return reply.slice(1).map((at) => ({ at, delayMs: at - now }));
}

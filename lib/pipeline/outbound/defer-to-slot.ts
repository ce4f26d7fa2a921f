import type { RateClass } from "@/lib/outbound/rate-limit";
import { nextSlotDelay } from "./acquire-send";
import { deferJob, withJitter } from "./defer-job";
import { scheduleClassFor } from "./rate-classes";
import type { SendContext } from "./send-context";

/** Windows up to this long are per-second budgets: their refusals spread over the window. */
const SHORT_WINDOW_MS = 10_000;

/**
 * When a send the account's limit refused runs again. Never "the instant a slot frees": every
 * refused send of a busy account would wake then, and all but one be refused again.
 * - Per-second budgets (100 sends/s): after the refusal's wait, spread evenly over one window,
 *   so about a window's worth of sends contends each round while the backlog drains.
 * - Hourly budgets (750 private replies/h): a slot of its own in the account's schedule
 *   (reserve-slot.ts); the schedule is sparse, and a herd (after a cooldown or a reconnect)
 *   is lined up instead of woken every few seconds.
 */
export async function deferToSlot(ctx: Pick<SendContext, "job" | "token" | "account" | "data">, retryAfterMs: number, random = Math.random): Promise<never> {
  const cls: RateClass | undefined = scheduleClassFor(ctx.data.kind, ctx.data.content.live);
  const windowMs = cls ? ctx.account.limits[cls].windowMs : 1_000;
  const wait =
    windowMs <= SHORT_WINDOW_MS
      ? retryAfterMs + Math.floor(random() * windowMs)
      : withJitter(Math.max(retryAfterMs, await nextSlotDelay(ctx.account, ctx.data.kind, ctx.data.content.live)), random);
  return deferJob(ctx.job, ctx.token, Date.now() + wait);
}

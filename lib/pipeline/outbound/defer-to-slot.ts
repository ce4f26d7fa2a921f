import { nextSlotDelay } from "./acquire-send";
import { deferJob, withJitter } from "./defer-job";
import type { SendContext } from "./send-context";

/**
 * A send the account's limit refused waits for a slot of its own in the account's schedule
 * (reserve-slot.ts), not merely "until the next slot frees": every refused send of a busy
 * account would wake at that same instant, and all but one be refused again.
 */
export async function deferToSlot(ctx: Pick<SendContext, "job" | "token" | "account" | "data">, retryAfterMs: number): Promise<never> {
  const wait = Math.max(retryAfterMs, await nextSlotDelay(ctx.account, ctx.data.kind));
  return deferJob(ctx.job, ctx.token, Date.now() + withJitter(wait));
}

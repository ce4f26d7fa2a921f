import type { RateClass } from "./classes";
import { rateKeys } from "./keys";
import type { ScriptClient } from "./lua-script";

/**
 * Gives a granted slot back. Only for calls that provably never reached Meta (failed before
 * the connection was made, or the job was cancelled between grant and request): a call that
 * might have been delivered must keep its slot, or the window could be overrun. One ZREM of
 * the grant's own member, so releasing twice or after the entry aged out is harmless.
 */
export async function release(redis: ScriptClient, input: { accountId: string; cls: RateClass; token: string }): Promise<boolean> {
  const removed = await redis.zrem(rateKeys.log(input.accountId, input.cls), input.token);
  return removed === 1;
}

import { ADAPTIVE_CLASSES, paddedWindowMs, type RateClass } from "./classes";
import { nextToken, rateKeys } from "./keys";
import type { ScriptClient } from "./lua-script";
import { ACQUIRE } from "./scripts";
import { assertLimit } from "./validate";

export type AcquireInput = {
  accountId: string;
  cls: RateClass;
  /** The account's base limit for the class (limitsFor); usage may lower it, never raise it. */
  limit: number;
  /** Meta's window; the safety margin is added here (WINDOW_MARGIN_MS). */
  windowMs: number;
  /** Epoch ms to decide at instead of Redis TIME: replays and tests only. */
  now?: number;
  marginMs?: number;
};

export type AcquireResult =
  | {
      ok: true;
      /** Redis time of the grant, epoch ms with µs fraction; `atUs` is the exact integer. */
      at: number;
      atUs: number;
      /** Hand to release() if the call provably never left. */
      token: string;
      /** The limit applied after adapting to usage. */
      limit: number;
    }
  | { ok: false; reason: "rate_limit"; retryAfterMs: number; limit: number }
  | { ok: false; reason: "cooldown"; retryAfterMs: number };

/**
 * Takes one call of `cls` for the account if the account is not cooling down and the sliding
 * window (plus margin) has room; one EVALSHA. Call it as the very last step before the HTTP
 * request so the grant time is the send time. Redis errors propagate: the limiter fails closed.
 */
export async function acquire(redis: ScriptClient, input: AcquireInput): Promise<AcquireResult> {
  assertLimit(input.limit, input.windowMs);
  const token = nextToken();
  const reply = (await ACQUIRE.run(
    redis,
    [rateKeys.log(input.accountId, input.cls), rateKeys.cooldown(input.accountId), rateKeys.usage(input.accountId)],
    [
      input.limit,
      paddedWindowMs(input.windowMs, input.marginMs) * 1_000,
      token,
      input.now === undefined ? "" : Math.round(input.now * 1_000),
      ADAPTIVE_CLASSES.has(input.cls) ? "1" : "0",
    ],
  )) as [number, number, number, number, number];
  const [granted, retryAfterMs, reason, atUs, limit] = reply;
  if (granted === 1) return { ok: true, at: atUs / 1_000, atUs, token, limit };
  if (reason === 1) return { ok: false, reason: "cooldown", retryAfterMs };
  return { ok: false, reason: "rate_limit", retryAfterMs, limit };
}

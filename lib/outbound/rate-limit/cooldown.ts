import { rateKeys } from "./keys";
import type { ScriptClient } from "./lua-script";
import { COOLDOWN, COOLDOWN_STATE } from "./scripts";

export type CooldownState = { active: false } | { active: true; remainingMs: number; reason: string };

function toState([pttl, reason]: [number, string | null]): CooldownState {
  // PTTL -1 (no expiry) cannot come from this module; treat it as no cooldown rather than forever.
  return pttl > 0 ? { active: true, remainingMs: pttl, reason: reason ?? "" } : { active: false };
}

/**
 * Pauses every send of one account (throttle codes 4/17/32/613/80002, SPEC §5: "that account
 * waits until access is regained, others do not"). acquire() refuses and reserveSlot() schedules
 * past it. Never shortens a longer pause already in force, so a late, milder error cannot cut
 * short the wait Meta asked for. The TTL lives in Redis, so every replica sees the same end.
 */
export async function cooldown(redis: ScriptClient, accountId: string, ms: number, reason: string): Promise<CooldownState> {
  if (!Number.isFinite(ms) || ms < 1) return cooldownState(redis, accountId);
  const reply = (await COOLDOWN.run(redis, [rateKeys.cooldown(accountId)], [Math.ceil(ms), reason])) as [number, string | null];
  return toState(reply);
}

export async function cooldownState(redis: ScriptClient, accountId: string): Promise<CooldownState> {
  return toState((await COOLDOWN_STATE.run(redis, [rateKeys.cooldown(accountId)], [])) as [number, string | null]);
}

import { cooldown, cooldownState } from "@/lib/outbound/rate-limit";
import { redis } from "@/lib/redis";

/**
 * Meta's app-wide throttle (code 4 and the like, X-App-Usage at 100 %) stops every account's
 * calls, not one account's (reference §3.4). It is kept as the cooldown of a pseudo account
 * that no real account id can equal, so every replica sees the same end, and each worker process
 * re-reads it at most once a second: one Redis read per second per process instead of one per
 * send, and an app throttle is honoured everywhere within a second of the first refusal.
 */
const APP_ID = "__app__";
const REFRESH_MS = 1_000;

let untilMs = 0;
let checkedAt = -Infinity;
let refreshing: Promise<void> | undefined;

async function refresh(now: number): Promise<void> {
  const s = await cooldownState(redis(), APP_ID);
  untilMs = s.active ? now + s.remainingMs : 0;
  checkedAt = now;
}

/** How long every send must still wait (0 = not throttled), as of at most a second ago. */
export async function appCooldownRemaining(now = Date.now()): Promise<number> {
  if (now - checkedAt >= REFRESH_MS) {
    refreshing ??= refresh(now).finally(() => (refreshing = undefined));
    await refreshing;
  }
  return Math.max(0, untilMs - now);
}

/** Starts (or extends, never shortens) the app-wide pause; this process knows at once. */
export async function coolApp(ms: number, reason: string, now = Date.now()): Promise<void> {
  const s = await cooldown(redis(), APP_ID, ms, reason);
  untilMs = s.active ? now + s.remainingMs : 0;
  checkedAt = now;
}

/** Tests: forget what this process knows. */
export function resetAppCooldownMemo(): void {
  untilMs = 0;
  checkedAt = -Infinity;
}

import type { GraphUsage } from "@/lib/instagram/usage-headers";
import { ADAPTIVE_FROM_PCT } from "@/lib/outbound/rate-limit/window-math";
import { recordUsage, usagePercent } from "@/lib/outbound/rate-limit";
import { redis } from "@/lib/redis";

/** The last reading this process stored per account, to skip readings that cannot change a limit. */
const lastStored = new Map<string, number>();

/**
 * Feeds `X-Business-Use-Case-Usage` to the adaptive limits (lib/outbound/rate-limit). Readings
 * below the adaptive threshold change no limit, so they are stored only when they replace a
 * high one (that is how a limit recovers) — at 2,000 sends/s a Redis call per response for
 * "usage 40 %" would be pure overhead. A regain time is always stored: it is a cooldown.
 */
export async function recordGraphUsage(accountId: string, usage: GraphUsage): Promise<void> {
  const buc = usage.buc;
  if (!buc) return;
  const pct = usagePercent(buc) ?? 0;
  const previous = lastStored.get(accountId);
  const matters = pct >= ADAPTIVE_FROM_PCT || (previous !== undefined && previous >= ADAPTIVE_FROM_PCT) || (buc.regainAccessMs ?? 0) > 0;
  if (!matters) return;
  if (lastStored.size > 50_000) lastStored.clear();
  lastStored.set(accountId, pct);
  await recordUsage(redis(), accountId, {
    callCount: buc.callCount,
    totalCputime: buc.totalCputime,
    totalTime: buc.totalTime,
    ...(buc.regainAccessMs !== undefined ? { estimatedTimeToRegainAccessMs: buc.regainAccessMs } : {}),
  });
}

import { ADAPTIVE_CLASSES, type RateClass } from "./classes";
import { rateKeys } from "./keys";
import type { ScriptClient } from "./lua-script";
import { RECORD_USAGE } from "./scripts";
import { scaleLimit, usagePercent } from "./window-math";

/** Percentages from `X-Business-Use-Case-Usage` (lib/instagram/usage-headers parses them). */
export type UsageReport = {
  callCount?: number;
  totalCputime?: number;
  totalTime?: number;
  estimatedTimeToRegainAccessMs?: number;
};

/** A usage reading already in hand (e.g. cached per job); `pct` absent means unknown. */
export type UsageState = { pct?: number };

/**
 * How long a reading counts. Meta sends the header only "once enough calls have been made", so
 * silence is how low usage looks; an expired reading lets the limit recover even if no header
 * says so. Each response refreshes it while usage stays high.
 */
export const USAGE_TTL_MS = 120_000;

export const USAGE_COOLDOWN_REASON = "usage";

/**
 * Stores the account's latest usage for acquire()/reserveSlot() to adapt to (same Lua call,
 * no extra round trip on the hot path), and turns a regain time into a cooldown. A lower
 * reading replaces a higher one: that is how the limit recovers as usage drops.
 */
export async function recordUsage(
  redis: ScriptClient,
  accountId: string,
  usage: UsageReport,
  opts: { ttlMs?: number } = {},
): Promise<{ pct?: number; cooldownMs: number }> {
  const pct = usagePercent(usage);
  const regain = usage.estimatedTimeToRegainAccessMs;
  const regainMs = typeof regain === "number" && Number.isFinite(regain) && regain > 0 ? Math.ceil(regain) : 0;
  const pttl = (await RECORD_USAGE.run(
    redis,
    [rateKeys.usage(accountId), rateKeys.cooldown(accountId)],
    [pct ?? "", opts.ttlMs ?? USAGE_TTL_MS, regainMs, USAGE_COOLDOWN_REASON],
  )) as number;
  return { ...(pct === undefined ? {} : { pct }), cooldownMs: Math.max(0, pttl) };
}

function isClient(source: ScriptClient | UsageState): source is ScriptClient {
  return typeof (source as ScriptClient).hget === "function";
}

/**
 * The limit acquire() applies right now for `cls`: for dashboards, ETAs and callers that
 * pace themselves. Reads the stored usage, or uses a reading the caller already holds.
 */
export async function effectiveLimit(source: ScriptClient | UsageState, accountId: string, cls: RateClass, baseLimit: number): Promise<number> {
  if (!ADAPTIVE_CLASSES.has(cls)) return baseLimit;
  const pct = isClient(source) ? Number((await source.hget(rateKeys.usage(accountId), "pct")) ?? 0) : (source.pct ?? 0);
  return scaleLimit(baseLimit, Number.isFinite(pct) ? pct : 0);
}

import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { acquire, cooldownState, release, reserveSlot, type RateClass } from "@/lib/outbound/rate-limit";
import { hotRedis } from "../hot-redis";
import type { PipelineAccount } from "../cache/account-cache";
import type { TOutboundKind } from "./content";
import { rateClassesFor, scheduleClassFor } from "./rate-classes";

export type SendGrant =
  | { ok: true; grants: { cls: RateClass; token: string }[] }
  | { ok: false; retryAfterMs: number; reason: "rate_limit" | "cooldown"; cls?: RateClass };

/**
 * Takes every per-account slot a send needs, all or none: a denied class gives back the ones
 * already taken (they never reached Meta). Called as the last step before the HTTP request,
 * so a grant's time is the send's time; the windows carry OUTBOUND_RATE_MARGIN_MS for the rest
 * of the way to Meta. Redis errors propagate: the limiter fails closed and the job retries.
 */
export async function acquireSend(account: PipelineAccount, kind: TOutboundKind, live = false): Promise<SendGrant> {
  const classes = rateClassesFor(kind, live);
  if (classes.length === 0) {
    const cool = await cooldownState(hotRedis(), account.id);
    return cool.active ? { ok: false, retryAfterMs: cool.remainingMs, reason: "cooldown" } : { ok: true, grants: [] };
  }
  const grants: { cls: RateClass; token: string }[] = [];
  for (const cls of classes) {
    const spec = account.limits[cls];
    const r = await acquire(hotRedis(), { accountId: account.id, cls, limit: spec.limit, windowMs: spec.windowMs, marginMs: env().OUTBOUND_RATE_MARGIN_MS });
    if (!r.ok) {
      await releaseGrants(account.id, grants);
      metrics().rateLimitWaits.inc({ class: r.reason === "cooldown" ? "cooldown" : cls });
      return { ok: false, retryAfterMs: r.retryAfterMs, reason: r.reason, cls };
    }
    grants.push({ cls, token: r.token });
  }
  return { ok: true, grants };
}

/** Gives slots back; only for calls that provably never left (refused before connecting). */
export async function releaseGrants(accountId: string, grants: readonly { cls: RateClass; token: string }[]): Promise<void> {
  await Promise.all(grants.map((g) => release(hotRedis(), { accountId, cls: g.cls, token: g.token })));
}

/** How long until this send's own reserved slot in the account's schedule (reserve-slot.ts). */
export async function nextSlotDelay(account: PipelineAccount, kind: TOutboundKind, live = false): Promise<number> {
  const cls = scheduleClassFor(kind, live);
  if (!cls) return 0;
  const spec = account.limits[cls];
  return (await reserveSlot(hotRedis(), { accountId: account.id, cls, limit: spec.limit, windowMs: spec.windowMs, marginMs: env().OUTBOUND_RATE_MARGIN_MS })).delayMs;
}

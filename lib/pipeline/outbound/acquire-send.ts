import { metrics } from "@/lib/observability/metrics";
import { acquire, cooldownState, release, reserveSlot, type RateClass } from "@/lib/outbound/rate-limit";
import { hotRedis } from "../hot-redis";
import type { PipelineAccount } from "../cache/account-cache";
import type { TOutboundKind } from "./content";
import { rateClassesFor, scheduleClassFor } from "./rate-classes";

export type SendGrant =
  | { ok: true; grants: { cls: RateClass; token: string }[]; at: number }
  | { ok: false; retryAfterMs: number; reason: "rate_limit" | "cooldown" };
export type HeldGrant = Extract<SendGrant, { ok: true }>;

/**
 * A grant older than this is given back and taken again before the Graph call. The limiter's
 * windows carry a 25 ms margin for the spread between a grant and its request's arrival at
 * Meta (lib/outbound/rate-limit WINDOW_MARGIN_MS); the claim that sits between them must not
 * eat that margin, so its delay is bounded here.
 */
export const MAX_GRANT_AGE_MS = 10;

/**
 * Takes every per-account slot a send needs, all or none: a denied class gives back the ones
 * already taken (they never reached Meta). Taken right before the claim, and renewed when the
 * claim took longer than MAX_GRANT_AGE_MS (freshGrant). Redis errors propagate: the limiter
 * fails closed and the job retries.
 */
export async function acquireSend(account: PipelineAccount, kind: TOutboundKind): Promise<SendGrant> {
  const classes = rateClassesFor(kind);
  if (classes.length === 0) {
    const cool = await cooldownState(hotRedis(), account.id);
    return cool.active ? { ok: false, retryAfterMs: cool.remainingMs, reason: "cooldown" } : { ok: true, grants: [], at: performance.now() };
  }
  const grants: { cls: RateClass; token: string }[] = [];
  for (const cls of classes) {
    const spec = account.limits[cls];
    const r = await acquire(hotRedis(), { accountId: account.id, cls, limit: spec.limit, windowMs: spec.windowMs });
    if (!r.ok) {
      (globalThis as any).__D.deny++;
      await releaseGrants(account.id, grants);
      metrics().rateLimitWaits.inc({ class: r.reason === "cooldown" ? "cooldown" : cls });
      return { ok: false, retryAfterMs: r.retryAfterMs, reason: r.reason };
    }
    grants.push({ cls, token: r.token });
  }
  return { ok: true, grants, at: performance.now() };
}

/** The grant itself while it is fresh; otherwise it is given back (nothing was sent) and taken anew. */
const D = ((globalThis as any).__D ??= { fresh: 0, stale: 0, deny: 0, age: 0 });
if (!(globalThis as any).__DI) (globalThis as any).__DI = setInterval(() => { process.stderr.write(`DBG ${JSON.stringify(D)}\n`); D.fresh = D.stale = D.deny = D.age = 0; }, 2000).unref();
export async function freshGrant(account: PipelineAccount, kind: TOutboundKind, grant: HeldGrant): Promise<SendGrant> {
  D.age += performance.now() - grant.at;
  if (performance.now() - grant.at <= MAX_GRANT_AGE_MS) { D.fresh++; return grant; }
  D.stale++;
  await releaseGrants(account.id, grant.grants);
  return acquireSend(account, kind);
}

/** Gives slots back; only for calls that provably never left (refused before connecting). */
export async function releaseGrants(accountId: string, grants: readonly { cls: RateClass; token: string }[]): Promise<void> {
  await Promise.all(grants.map((g) => release(hotRedis(), { accountId, cls: g.cls, token: g.token })));
}

/** How long until this send's own reserved slot in the account's schedule (reserve-slot.ts). */
export async function nextSlotDelay(account: PipelineAccount, kind: TOutboundKind): Promise<number> {
  const cls = scheduleClassFor(kind);
  if (!cls) return 0;
  const spec = account.limits[cls];
  return (await reserveSlot(hotRedis(), { accountId: account.id, cls, limit: spec.limit, windowMs: spec.windowMs })).delayMs;
}

import type { RateClass } from "@/lib/outbound/rate-limit";
import type { TOutboundKind } from "./content";
import { rateClassesFor } from "./rate-classes";

/**
 * What this worker learned from the limiter: an account (cooling down) or one of its call
 * classes (window full) refused until some instant. Its other sends of that kind then wait
 * without claiming anything — a refused claim costs two row writes, a refused wait costs
 * nothing — which keeps a viral account's backlog from churning the database while it drains
 * at its limit. Per process and advisory: the limiter still decides every send.
 */
const blockedUntil = new Map<string, number>();
const MAX_KEYS = 50_000;

const key = (accountId: string, cls?: RateClass) => (cls ? `${accountId}:${cls}` : accountId);

function left(k: string, now: number): number {
  const until = blockedUntil.get(k);
  if (until === undefined) return 0;
  if (until > now) return until - now;
  blockedUntil.delete(k);
  return 0;
}

export const accountBackoff = {
  /** A refusal: of one class (its window is full), or of the whole account (cooldown). */
  note(accountId: string, retryAfterMs: number, cls?: RateClass, now = Date.now()): void {
    if (blockedUntil.size >= MAX_KEYS) blockedUntil.clear();
    const k = key(accountId, cls);
    blockedUntil.set(k, Math.max(blockedUntil.get(k) ?? 0, now + retryAfterMs));
  },
  /** How long a send of `kind` on the account is still known to be refused (0 = try). */
  remaining(accountId: string, kind: TOutboundKind, now = Date.now(), live = false): number {
    let wait = left(key(accountId), now);
    for (const cls of rateClassesFor(kind, live)) wait = Math.max(wait, left(key(accountId, cls), now));
    return wait;
  },
};

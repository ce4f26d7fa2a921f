import { GraphError } from "./errors";
import type { Account, User } from "./world";

/**
 * The messaging window engine (reference §2.3–2.4), per (account, IGSID) — which is per User,
 * since an IGSID belongs to one account.
 *
 * - A DM, postback, quick reply or referral from the user opens or refreshes a 24-hour window.
 * - HUMAN_AGENT extends it to 7 days, only for apps with the Human Agent feature.
 * - A private reply closes the thread until the user writes again, even if a window was open:
 *   "follow-up messages only after the recipient responds".
 * - A comment opens nothing; it allows exactly one private reply, within 7 days.
 */
export const STANDARD_WINDOW_MS = 24 * 3_600_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3_600_000;
export const PRIVATE_REPLY_MAX_AGE_MS = 7 * 24 * 3_600_000;

export function openWindow(user: User, now: number, grantsConsent: boolean): void {
  user.lastInboundAt = now;
  if (grantsConsent) user.consent = true;
}

/** Throws the error Meta gives a DM to this user now, or returns when it may be sent. */
export function checkDmAllowed(account: Account, user: User, now: number, humanAgent: boolean): void {
  if (user.blocked) throw new GraphError("userUnavailable");
  if (!account.dmsEnabled) throw new GraphError("dmsDisabled");
  if (user.threadOwner === "other") throw new GraphError("notThreadOwner");
  if (humanAgent && !account.humanAgent) throw new GraphError("humanAgentNotAllowed");
  const last = user.lastInboundAt;
  const windowMs = humanAgent ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS;
  if (last === null || now - last >= windowMs) throw new GraphError("outsideWindow");
  if (user.lastPrivateReplyAt !== null && user.lastPrivateReplyAt >= last) throw new GraphError("outsideWindow");
}

/** When the user's standard window closes (null = closed now), for admin views. */
export function windowClosesAt(user: User, now: number): number | null {
  if (user.lastInboundAt === null) return null;
  if (user.lastPrivateReplyAt !== null && user.lastPrivateReplyAt >= user.lastInboundAt) return null;
  const closes = user.lastInboundAt + STANDARD_WINDOW_MS;
  return closes > now ? closes : null;
}

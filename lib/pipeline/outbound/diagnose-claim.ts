import { reasons } from "../reasons";
import type { TOutboundKind } from "./content";
import type { ClaimState } from "./store/read-claim-state";
import { WINDOW_MS } from "./window";

/**
 * Why a claim changed nothing, from the row's state — pure, so every branch is unit-tested.
 * - gone / done: the row is missing or already settled: nothing to do.
 * - in_flight: another worker claimed it moments ago and is sending it.
 * - stale: it was claimed longer ago than any send can take: that worker died mid-send, so
 *   the outcome is unknown and must be reconciled, never blindly resent.
 * - skip: a condition of the claim failed; the send becomes `skipped` with the reason.
 * - no_usage_row: this month's counter does not exist yet (create it, claim again).
 * - retry: nothing explains it (a concurrent change); try again shortly.
 */
export type ClaimDiagnosis =
  | { type: "gone" }
  | { type: "done" }
  | { type: "in_flight" }
  | { type: "stale" }
  | { type: "skip"; reason: string }
  | { type: "no_usage_row" }
  | { type: "retry" };

export type DiagnoseInput = { kind: TOutboundKind; now: number; leaseMs: number; dmLimit: number; replyLimit: number };

export function diagnoseClaim(state: ClaimState | undefined, i: DiagnoseInput): ClaimDiagnosis {
  if (!state) return { type: "gone" };
  if (state.status === "sending") {
    const claimedAt = state.claimedAt?.getTime() ?? 0;
    return i.now - claimedAt > i.leaseMs ? { type: "stale" } : { type: "in_flight" };
  }
  if (state.status !== "queued") return { type: "done" };

  const metered = i.kind === "dm" || i.kind === "private_reply" || i.kind === "public_reply";
  if (metered && state.dmsSent === null) return { type: "no_usage_row" };
  if (state.optedOut && i.kind !== "hide_comment" && i.kind !== "webhook") return { type: "skip", reason: reasons.optedOut(state.username) };
  if (i.kind === "dm") {
    if (state.awaitingReply) return { type: "skip", reason: reasons.awaitingReply(state.username) };
    const last = state.lastInboundAt;
    if (!last || i.now - last.getTime() >= WINDOW_MS) return { type: "skip", reason: reasons.windowClosed(state.username, last, i.now) };
  }
  if ((i.kind === "dm" || i.kind === "private_reply") && (state.dmsSent ?? 0) + (state.privateReplies ?? 0) >= i.dmLimit) {
    return { type: "skip", reason: reasons.overDmQuota(i.dmLimit) };
  }
  if (i.kind === "public_reply" && (state.publicReplies ?? 0) >= i.replyLimit) return { type: "skip", reason: reasons.overReplyQuota(i.replyLimit) };
  return { type: "retry" };
}

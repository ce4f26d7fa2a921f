import type { GraphErrorClassification } from "@/lib/instagram/graph-errors";
import { reasons } from "../reasons";

/**
 * What a failed send leads to, by the error's class only (SPEC §5: never by message text).
 * Pure, so each class has a unit test:
 * - transient → back to `queued` and retried with backoff and jitter; the last attempt fails.
 * - throttled → the account cools down (only that account waits), or every account when Meta
 *   throttles the whole app; the row goes back to queued.
 * - auth (190) → the account needs reconnecting; its sends park until it is active again.
 * - window / already_replied → `skipped`: nothing broke, Instagram just does not allow it now.
 * - recipient / policy / permanent → `failed`, with the reason; some also pause the account.
 * - ambiguous → `unknown`, reconciled against echoes before anything is sent again — except a
 *   private reply Instagram says was already made after an ambiguous attempt: that is ours.
 */
export type SendErrorDecision =
  | { type: "retry"; reason: string }
  /** `app`: Meta throttles the whole app, so every account waits (app-cooldown.ts). */
  | { type: "cooldown"; ms: number; reason: string; scope: "account" | "app" }
  | { type: "reconnect"; reason: string }
  | { type: "terminal"; status: "failed" | "skipped"; reason: string; pauseAccountMs?: number }
  | { type: "unknown"; reason: string }
  | { type: "sent"; reason: string };

export type DecideInput = {
  classification: GraphErrorClassification;
  /** Meta's regain estimate or the class default, when the error carries one. */
  retryAfterMs?: number;
  /** This was the job's last BullMQ attempt. */
  finalAttempt: boolean;
  attemptsMade: number;
  /** An earlier attempt of this row ended ambiguous (its errorClass says so). */
  previouslyAmbiguous: boolean;
};

/** Throttled sends back off starting at 60 s (reference §3.4), longer when Meta says so. */
export const MIN_THROTTLE_MS = 60_000;

export function decideSendError(i: DecideInput): SendErrorDecision {
  const c = i.classification;
  switch (c.class) {
    case "transient":
      return i.finalAttempt ? { type: "terminal", status: "failed", reason: reasons.gaveUp(i.attemptsMade, c.reason) } : { type: "retry", reason: c.reason };
    case "throttled":
      return { type: "cooldown", ms: Math.max(MIN_THROTTLE_MS, i.retryAfterMs ?? 0), reason: c.reason, scope: c.scope === "app" ? "app" : "account" };
    case "auth":
      return { type: "reconnect", reason: c.reason };
    case "ambiguous":
      return { type: "unknown", reason: c.reason };
    case "already_replied":
      return i.previouslyAmbiguous ? { type: "sent", reason: reasons.reconciledAlreadyReplied() } : { type: "terminal", status: "skipped", reason: c.reason };
    case "window":
      return { type: "terminal", status: "skipped", reason: c.reason };
    case "policy":
      return c.scope === "account" && c.pauseMs
        ? { type: "terminal", status: "failed", reason: c.reason, pauseAccountMs: Math.max(c.pauseMs, i.retryAfterMs ?? 0) }
        : { type: "terminal", status: "failed", reason: c.reason };
    case "recipient":
    case "permanent":
      return { type: "terminal", status: "failed", reason: c.reason };
  }
}

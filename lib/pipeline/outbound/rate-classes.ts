import type { RateClass } from "@/lib/outbound/rate-limit";
import type { TOutboundKind } from "./content";

/**
 * Meta's per-account call classes a send consumes (reference §3.1): a private reply counts
 * against the 750/hour private-reply budget and the 100/s send budget; a public reply
 * against the comment-reply budget. Hiding a comment only respects the account's cooldown.
 */
export function rateClassesFor(kind: TOutboundKind): readonly RateClass[] {
  switch (kind) {
    case "dm":
      return ["send"];
    case "private_reply":
      return ["private_reply", "send"];
    case "public_reply":
      return ["comment_reply"];
    case "hide_comment":
    case "webhook":
      return [];
  }
}

/** The class whose slot is reserved at enqueue time (the tightest one a send uses). */
export function scheduleClassFor(kind: TOutboundKind): RateClass | undefined {
  return rateClassesFor(kind)[0];
}

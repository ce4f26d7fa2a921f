import type { RateClass } from "@/lib/outbound/rate-limit";
import type { TOutboundKind } from "./content";

/**
 * Meta's per-account call classes a send consumes (reference §3.1): a private reply counts
 * against the 750/hour private-reply budget and the 100/s send budget — except on a Live
 * broadcast, whose private replies have 100/s of their own and must go out while it lasts; a
 * public reply against the comment-reply budget. Hiding a comment only respects the
 * account's cooldown. `live` comes from the send's content.
 */
export function rateClassesFor(kind: TOutboundKind, live = false): readonly RateClass[] {
  switch (kind) {
    case "dm":
      return ["send"];
    case "private_reply":
      return live ? ["send"] : ["private_reply", "send"];
    case "public_reply":
      return ["comment_reply"];
    case "hide_comment":
    case "webhook":
      return [];
  }
}

/** The class whose slot is reserved at enqueue time (the tightest one a send uses). */
export function scheduleClassFor(kind: TOutboundKind, live = false): RateClass | undefined {
  return rateClassesFor(kind, live)[0];
}

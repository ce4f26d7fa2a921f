import type { TInboundEvent, TInboundEventKind } from "@/lib/events/inbound-event";
import { listKeywords } from "./match-keywords";
import type { TTrigger, TTriggerType } from "./schema";

/**
 * Per-trigger semantics: which event kinds a trigger listens to, and the trigger's own filters
 * (posts, stories, payloads, refs, first contact) before any condition is checked.
 */

const TRIGGER_KINDS: Record<TTriggerType, readonly TInboundEventKind[]> = {
  comment: ["comment"],
  live_comment: ["live_comment"],
  dm_keyword: ["dm"],
  dm_any: ["dm"],
  first_dm: ["dm"],
  story_reply: ["story_reply"],
  story_mention: ["story_mention"],
  // A quick-reply tap carries the payload we attached, exactly like a button postback.
  postback: ["postback", "quick_reply"],
  referral: ["referral"],
};

export function triggerAcceptsKind(trigger: TTrigger, kind: TInboundEventKind): boolean {
  return TRIGGER_KINDS[trigger.type].includes(kind);
}

export type TTriggerFacts = {
  isNewContact: boolean;
  /** Publish time (epoch ms) of the event's post; needed only by an unbound next-post trigger. */
  mediaPublishedAt?: number;
  automationCreatedAt: number;
};

export type TTriggerCheck = { ok: true; bindNextPostMediaId?: string } | { ok: false; reason: string };

const OK: TTriggerCheck = { ok: true };
const no = (reason: string): TTriggerCheck => ({ ok: false, reason });

function checkComment(trigger: Extract<TTrigger, { type: "comment" }>, event: TInboundEvent, facts: TTriggerFacts): TTriggerCheck {
  if (event.parentCommentId && !trigger.includeReplies) return no("Replies inside comment threads are ignored (turn on “Include replies”)");
  const posts = trigger.posts;
  if (posts.mode === "any") return OK;
  const mediaId = event.mediaId;
  if (!mediaId) return no("Comment has no post id to check against the selected posts");
  if (posts.mode === "selected") return posts.mediaIds.includes(mediaId) ? OK : no("Comment is on a post this automation doesn't watch");
  if (posts.boundMediaId) return posts.boundMediaId === mediaId ? OK : no("Next-post automation is attached to a different post");
  if (facts.mediaPublishedAt === undefined) return no("Next-post automation can't tell when this post was published");
  if (facts.mediaPublishedAt <= (posts.armedAt ?? facts.automationCreatedAt)) return no("Next-post automation waits for a newer post");
  // The first comment on a newer post claims it; the caller persists the binding (only if still unbound).
  return { ok: true, bindNextPostMediaId: mediaId };
}

/** The trigger's own filters for an event of a kind it accepts. */
export function checkTrigger(trigger: TTrigger, event: TInboundEvent, facts: TTriggerFacts): TTriggerCheck {
  switch (trigger.type) {
    case "comment":
      return checkComment(trigger, event, facts);
    case "first_dm":
      return facts.isNewContact ? OK : no("Welcome message is only for people messaging you for the first time");
    case "story_reply":
      if (!trigger.storyIds?.length) return OK;
      return event.storyId && trigger.storyIds.includes(event.storyId) ? OK : no("Reply is to a story this automation doesn't watch");
    case "postback": {
      const payload = event.payload?.trim();
      if (!payload) return no("Button tap carried no payload");
      return trigger.payloads.includes(payload) ? OK : no(`Button payload "${payload}" isn't one of: ${listKeywords(trigger.payloads)}`);
    }
    case "referral": {
      if (trigger.refs.length === 0) return OK;
      const ref = event.referralRef?.trim().toLowerCase();
      if (!ref) return no("Link visit carried no ref");
      return trigger.refs.some((r) => r.toLowerCase() === ref) ? OK : no(`Link ref "${event.referralRef}" isn't one of: ${listKeywords(trigger.refs)}`);
    }
    case "live_comment":
    case "dm_keyword":
    case "dm_any":
    case "story_mention":
      return OK;
  }
}

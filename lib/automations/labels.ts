import type { TInboundEventKind } from "@/lib/events/inbound-event";
import type { TTriggerType } from "./schema";

/** Words for reasons shown to users; one place so the run log and the builder agree. */

export const TRIGGER_LABELS: Record<TTriggerType, string> = {
  comment: "comments on posts",
  live_comment: "live comments",
  dm_keyword: "direct messages with keywords",
  dm_any: "any direct message",
  story_reply: "story replies",
  story_mention: "story mentions",
  first_dm: "first messages from new contacts",
  postback: "button taps",
  referral: "ig.me link visits",
};

export const EVENT_KIND_LABELS: Record<TInboundEventKind, string> = {
  comment: "a comment",
  live_comment: "a live comment",
  dm: "a direct message",
  story_reply: "a story reply",
  story_mention: "a story mention",
  postback: "a button tap",
  quick_reply: "a quick reply tap",
  referral: "an ig.me link visit",
  reaction: "a reaction",
  read: "a read receipt",
  message_edit: "an edited message",
  message_deleted: "a deleted message",
};

/** The noun that starts a keyword reason: "Comment doesn't contain any of: …". */
export const EVENT_SUBJECT: Record<TInboundEventKind, string> = {
  comment: "Comment",
  live_comment: "Live comment",
  dm: "Message",
  story_reply: "Story reply",
  story_mention: "Story mention",
  postback: "Button tap",
  quick_reply: "Quick reply",
  referral: "Link visit",
  reaction: "Reaction",
  read: "Read receipt",
  message_edit: "Edited message",
  message_deleted: "Deleted message",
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** 45 → "45 minutes", 90 → "1 hour 30 minutes", 1440 → "1 day". */
export function formatMinutes(totalMinutes: number): string {
  const m = Math.max(0, Math.round(totalMinutes));
  if (m < 60) return plural(m, "minute");
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const minutes = m % 60;
  const parts = [days && plural(days, "day"), hours && plural(hours, "hour"), !days && minutes && plural(minutes, "minute")];
  return parts.filter(Boolean).join(" ");
}

/** A past duration in words: "less than a minute", "12 minutes", "2 hours 5 minutes". */
export function formatElapsed(ms: number): string {
  return ms < 60_000 ? "less than a minute" : formatMinutes(Math.floor(ms / 60_000));
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return plural(seconds, "second");
  if (seconds < 3_600 && seconds % 60) return `${plural(Math.floor(seconds / 60), "minute")} ${plural(seconds % 60, "second")}`;
  return formatMinutes(Math.round(seconds / 60));
}

import type { z } from "zod";
import type { TInboundEventKind } from "@/lib/events/inbound-event";
import { dedupeKey } from "./dedupe-key";
import { drop, emit, type EventHead, type ItemContext, type ItemOutcome } from "./item-outcome";
import { echoBody, type TOutboundEcho } from "./normalize-echo";
import { MESSAGING_EVENT_KEYS, ZMessagingItem, ZParticipant } from "./webhook-schemas";

/**
 * One `messaging[]` / `standby[]` item (or a `messages`-family change value, as the dashboard
 * test sends it) → an event. Dispatches on whichever event key is present, never assuming
 * `message` (reference §1.5). Echoes and anything the account sent itself are dropped first.
 */

type Item<K extends keyof typeof ZMessagingItem> = z.infer<(typeof ZMessagingItem)[K]>;
/** What every item schema shares. */
type BaseItem = { sender: { id: string }; timestamp?: number | null };

const ENVELOPE_KEYS = new Set(["sender", "recipient", "timestamp"]);
const MAX_ATTACHMENT_TYPES = 20;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function head(item: BaseItem, ctx: ItemContext): EventHead {
  return {
    accountId: ctx.accountId,
    senderId: item.sender.id,
    occurredAt: item.timestamp ?? ctx.entryTime ?? ctx.now,
    standby: ctx.standby,
  };
}

/** The time used inside derived dedupe keys: it must be the same on every redelivery, so never `now`. */
const keyTime = (item: BaseItem, ctx: ItemContext) => item.timestamp ?? ctx.entryTime;

/** One array per DM rather than three (map, filter, slice): this runs on the ingest hot path. */
function attachmentTypes(attachments: Item<"message">["message"]["attachments"]): string[] {
  const types: string[] = [];
  for (const a of attachments ?? []) {
    if (types.length === MAX_ATTACHMENT_TYPES) break;
    if (typeof a.type === "string" && a.type.length > 0) types.push(a.type);
  }
  return types;
}

function messageKind(m: Item<"message">["message"], types: string[]): TInboundEventKind {
  // Unsupported content is still a DM: it opens the 24 h window and can greet a new contact.
  if (m.is_unsupported) return "dm";
  if (types.includes("story_mention")) return "story_mention";
  if (m.reply_to?.story) return "story_reply";
  if (m.quick_reply) return "quick_reply";
  // A click-to-DM ad or ig.me link that opened the thread rides on the first message.
  if (m.referral) return "referral";
  return "dm";
}

/** What the account itself sent, for reconciling ambiguous sends; never an event. */
function echoOf(item: Item<"message">, ctx: ItemContext): TOutboundEcho | undefined {
  const recipientId = item.recipient?.id;
  if (!recipientId || recipientId === ctx.accountId) return undefined;
  return {
    igUserId: ctx.accountId,
    kind: "message",
    recipientId,
    mid: item.message.mid,
    text: echoBody(item.message),
    timestamp: item.timestamp ?? ctx.entryTime ?? ctx.now,
  };
}

function fromMessage(item: Item<"message">, ctx: ItemContext): ItemOutcome {
  const m = item.message;
  if (m.is_echo) return { type: "drop", reason: "echo", echo: m.is_self ? undefined : echoOf(item, ctx) };
  if (m.is_self) return drop("self_message");
  if (item.sender.id === ctx.accountId) return { type: "drop", reason: "sent_by_account", echo: echoOf(item, ctx) };
  const h = head(item, ctx);
  // An unsend reuses the original mid: it is an update of that message, keyed apart from it.
  if (m.is_deleted) return emit(h, { kind: "message_deleted", dedupeKey: dedupeKey("d", m.mid), mid: m.mid });

  const types = attachmentTypes(m.attachments);
  const story = m.reply_to?.story;
  return emit(h, {
    kind: messageKind(m, types),
    dedupeKey: dedupeKey("m", m.mid),
    mid: m.mid,
    text: m.text ?? undefined,
    replyToMid: m.reply_to?.mid ?? undefined,
    storyId: story?.id ?? undefined,
    payload: m.quick_reply?.payload ?? undefined,
    referralRef: m.referral?.ref ?? undefined,
    adId: m.referral?.ad_id ?? undefined,
    attachmentTypes: types.length > 0 ? types : undefined,
    unsupported: m.is_unsupported ? true : undefined,
  });
}

function fromPostback(item: Item<"postback">, ctx: ItemContext): ItemOutcome {
  const p = item.postback;
  // Standby postbacks reportedly arrive without `payload` (reference §1.5); keep them, keyed without it.
  const payload = p.payload ?? undefined;
  let key: string;
  if (p.mid) key = dedupeKey("p", p.mid);
  else {
    const t = keyTime(item, ctx);
    if (t === undefined) return drop("malformed_item");
    key = dedupeKey("p", item.sender.id, payload ?? "", t);
  }
  return emit(head(item, ctx), { kind: "postback", dedupeKey: key, mid: p.mid ?? undefined, text: p.title ?? undefined, payload });
}

function fromReaction(item: Item<"reaction">, ctx: ItemContext): ItemOutcome {
  const r = item.reaction;
  const t = keyTime(item, ctx);
  if (t === undefined) return drop("malformed_item");
  return emit(head(item, ctx), {
    kind: "reaction",
    // A person can react, unreact and react again to one message: the time tells them apart.
    dedupeKey: dedupeKey("x", item.sender.id, r.mid, r.action, t),
    mid: r.mid, // the message reacted to
    reaction: r.emoji ? { action: r.action, emoji: r.emoji } : { action: r.action },
  });
}

function fromRead(item: Item<"read">, ctx: ItemContext): ItemOutcome {
  const r = item.read;
  const key = r.mid ? dedupeKey("r", item.sender.id, r.mid) : dedupeKey("r", item.sender.id, `w${String(r.watermark)}`);
  return emit(head(item, ctx), { kind: "read", dedupeKey: key, mid: r.mid ?? undefined });
}

function fromEdit(item: Item<"message_edit">, ctx: ItemContext): ItemOutcome {
  const e = item.message_edit;
  let key: string;
  if (e.num_edit != null) key = dedupeKey("e", e.mid, e.num_edit);
  else {
    const t = keyTime(item, ctx);
    if (t === undefined) return drop("malformed_item");
    key = dedupeKey("e", e.mid, `t${t}`);
  }
  return emit(head(item, ctx), {
    kind: "message_edit",
    dedupeKey: key,
    mid: e.mid,
    text: e.text ?? undefined,
    editCount: e.num_edit ?? undefined,
  });
}

function fromReferral(item: Item<"referral">, ctx: ItemContext): ItemOutcome {
  const r = item.referral;
  const t = keyTime(item, ctx);
  if (t === undefined) return drop("malformed_item");
  return emit(head(item, ctx), {
    kind: "referral",
    dedupeKey: dedupeKey("f", item.sender.id, r.ref ?? r.ad_id ?? "", t),
    referralRef: r.ref ?? undefined,
    adId: r.ad_id ?? undefined,
  });
}

export function normalizeMessagingItem(raw: unknown, ctx: ItemContext): ItemOutcome {
  if (!isRecord(raw)) return drop("malformed_item");
  const key = MESSAGING_EVENT_KEYS.find((k) => raw[k] != null);
  if (!key) {
    // optin, pass_thread_control, take_thread_control…: known to Meta, not handled by us.
    const other = Object.keys(raw).find((k) => !ENVELOPE_KEYS.has(k));
    return other ? { type: "unknown", field: other } : drop("malformed_item");
  }
  if (key === "message") {
    const p = ZMessagingItem.message.safeParse(raw);
    return p.success ? fromMessage(p.data, ctx) : drop("malformed_item");
  }
  // Loop guard for every other kind: the account's own postbacks, reactions and reads.
  const sender = ZParticipant.safeParse(raw.sender);
  if (sender.success && sender.data.id === ctx.accountId) return drop("sent_by_account");
  switch (key) {
    case "postback": {
      const p = ZMessagingItem.postback.safeParse(raw);
      return p.success ? fromPostback(p.data, ctx) : drop("malformed_item");
    }
    case "reaction": {
      const p = ZMessagingItem.reaction.safeParse(raw);
      return p.success ? fromReaction(p.data, ctx) : drop("malformed_item");
    }
    case "read": {
      const p = ZMessagingItem.read.safeParse(raw);
      return p.success ? fromRead(p.data, ctx) : drop("malformed_item");
    }
    case "message_edit": {
      const p = ZMessagingItem.message_edit.safeParse(raw);
      return p.success ? fromEdit(p.data, ctx) : drop("malformed_item");
    }
    case "referral": {
      const p = ZMessagingItem.referral.safeParse(raw);
      return p.success ? fromReferral(p.data, ctx) : drop("malformed_item");
    }
  }
}

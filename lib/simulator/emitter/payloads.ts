import type { Comment, Media } from "../world";

/**
 * Webhook payload shapes (reference §1.5–1.7). An event is one `messaging[]`/`standby[]` item
 * or one `changes[]` value; `buildBody` groups a batch of them into entries per account.
 */
export type MessagingItem = {
  sender: { id: string };
  recipient: { id: string };
  /** Milliseconds, as Instagram messaging sends them. */
  timestamp: number;
  [event: string]: unknown;
};

export type WebhookEvent =
  | { accountId: string; field: string; kind: "messaging"; item: MessagingItem; standby: boolean }
  | { accountId: string; field: string; kind: "change"; value: Record<string, unknown> };

export type WebhookBody = { object: "instagram"; entry: Record<string, unknown>[] };

export function messagingEvent(accountId: string, field: string, item: MessagingItem, standby = false): WebhookEvent {
  return { accountId, field, kind: "messaging", item, standby };
}

/** A `comments`/`live_comments` value: `from`, `media` (with ad fields), `id`, `parent_id`, `text`. */
export function commentValue(comment: Comment, media: Media, selfIgsid: string | null): Record<string, unknown> {
  const from: Record<string, string> = { id: comment.fromId, username: comment.fromUsername };
  if (selfIgsid) from.self_ig_scoped_id = selfIgsid;
  const mediaValue: Record<string, string> = { id: media.id, media_product_type: media.productType };
  if (media.ad) {
    mediaValue.ad_id = media.ad.adId;
    mediaValue.ad_title = media.ad.adTitle;
    mediaValue.original_media_id = media.id;
  }
  const value: Record<string, unknown> = { from, media: mediaValue, id: comment.id };
  if (comment.parentId) value.parent_id = comment.parentId;
  value.text = comment.text;
  return value;
}

/**
 * One POST body. Messaging entries carry a millisecond `time`, change entries a seconds one,
 * mirroring Meta's own examples so receivers must normalise by magnitude. With the flat
 * envelope each change becomes its own entry with `field`/`value` on the entry itself.
 */
export function buildBody(events: readonly WebhookEvent[], envelope: "changes" | "flat", nowMs: number): WebhookBody {
  type Group = { messaging: MessagingItem[]; standby: MessagingItem[]; changes: { field: string; value: Record<string, unknown> }[] };
  const groups = new Map<string, Group>();
  for (const e of events) {
    let g = groups.get(e.accountId);
    if (!g) groups.set(e.accountId, (g = { messaging: [], standby: [], changes: [] }));
    if (e.kind === "messaging") (e.standby ? g.standby : g.messaging).push(e.item);
    else g.changes.push({ field: e.field, value: e.value });
  }
  const seconds = Math.floor(nowMs / 1000);
  const entry: Record<string, unknown>[] = [];
  for (const [id, g] of groups) {
    if (g.messaging.length) entry.push({ id, time: nowMs, messaging: g.messaging });
    if (g.standby.length) entry.push({ id, time: nowMs, standby: g.standby });
    if (g.changes.length === 0) continue;
    if (envelope === "changes") entry.push({ id, time: seconds, changes: g.changes });
    else for (const c of g.changes) entry.push({ id, time: seconds, field: c.field, value: c.value });
  }
  return { object: "instagram", entry };
}

/**
 * What the App Dashboard's "Test" button sends: entry id "0" and the sample under
 * `changes[]` even for `messages` (reference §1.4), with Meta's placeholder values.
 */
export function dashboardTestBody(field: string, nowMs: number): WebhookBody {
  const seconds = Math.floor(nowMs / 1000);
  let value: Record<string, unknown>;
  if (field === "comments" || field === "live_comments") {
    value = {
      from: { id: "232323232", username: "test" },
      media: { id: "123123123", media_product_type: "FEED" },
      id: "17865799348089039",
      parent_id: "1231231234",
      text: "This is an example.",
    };
  } else if (field === "messaging_postbacks") {
    value = { sender: { id: "12334" }, recipient: { id: "23245" }, timestamp: String(seconds), postback: { mid: "random_mid", title: "random_title", payload: "random_payload" } };
  } else {
    value = { sender: { id: "12334" }, recipient: { id: "23245" }, timestamp: String(seconds), message: { mid: "random_mid", text: "random_text" } };
  }
  return { object: "instagram", entry: [{ id: "0", time: seconds, changes: [{ field, value }] }] };
}

import { dedupeKey } from "./dedupe-key";
import { drop, emit, type ItemContext, type ItemOutcome } from "./item-outcome";
import { ZCommentValue } from "./webhook-schemas";

/**
 * A `comments` or `live_comments` change value → a comment event. Our own public replies come
 * back as comments by the account itself (from.id == entry.id, self_ig_scoped_id set) and are
 * dropped here so they can never trigger an automation (reference §1.6 loop guard).
 */
export function normalizeComment(value: unknown, field: "comments" | "live_comments", ctx: ItemContext): ItemOutcome {
  const parsed = ZCommentValue.safeParse(value);
  if (!parsed.success) return drop("malformed_item");
  const c = parsed.data;
  const commentId = c.id ?? c.comment_id;
  if (!commentId) return drop("malformed_item");
  if (c.from.id === ctx.accountId || c.from.self_ig_scoped_id) {
    // Our own public reply: never an event (loop guard), but its echo settles an ambiguous reply.
    const echo = {
      igUserId: ctx.accountId,
      kind: "comment" as const,
      commentId,
      parentCommentId: c.parent_id ?? undefined,
      text: c.text ?? "",
      timestamp: c.timestamp ?? c.created_time ?? ctx.entryTime ?? ctx.now,
    };
    return { type: "drop", reason: "own_comment", echo };
  }

  const head = {
    accountId: ctx.accountId,
    senderId: c.from.id,
    // Comment payloads rarely carry their own time; entry.time (send time) is the best we have.
    occurredAt: c.timestamp ?? c.created_time ?? ctx.entryTime ?? ctx.now,
    standby: ctx.standby,
  };
  return emit(head, {
    kind: field === "live_comments" ? "live_comment" : "comment",
    // Live comments share the prefix: a comment id is one comment whichever field carried it.
    dedupeKey: dedupeKey("c", commentId),
    senderUsername: c.from.username ?? undefined,
    text: c.text ?? undefined,
    commentId,
    parentCommentId: c.parent_id ?? undefined,
    mediaId: c.media?.id ?? undefined,
    mediaProductType: c.media?.media_product_type ?? undefined,
    adId: c.media?.ad_id ?? undefined,
    originalMediaId: c.media?.original_media_id ?? undefined,
  });
}

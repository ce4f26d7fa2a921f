import { z } from "zod";

/**
 * The one canonical shape of an inbound Instagram event after ingest has normalised a webhook
 * item. Ingest produces it, the `events` queue carries it, the automation engine consumes it.
 */
export const ZInboundEventKind = z.enum([
  "comment", // comments field (posts, reels, ads)
  "live_comment", // live_comments field
  "dm", // messaging[].message with text/attachments (not echo, not self)
  "story_reply", // message.reply_to.story
  "story_mention", // message.attachments[].type == story_mention
  "postback", // messaging[].postback (ice breaker, button, persistent menu)
  "quick_reply", // message.quick_reply
  "referral", // messaging[].referral or message.referral (ig.me ref links, ads)
  "reaction", // messaging[].reaction (react / unreact)
  "read", // messaging[].read
  "message_edit", // messaging[].message_edit
  "message_deleted", // message.is_deleted
]);
export type TInboundEventKind = z.infer<typeof ZInboundEventKind>;

export const ZInboundEvent = z.object({
  /** IG professional account id: the webhook entry.id, also the <IG_ID> in Graph paths. */
  accountId: z.string().min(1).max(64),
  kind: ZInboundEventKind,
  /** Unique per account: `c:<commentId>`, `m:<mid>`, derived keys for reactions/reads/postbacks. */
  dedupeKey: z.string().min(1).max(191),
  /** When the event happened (ms since epoch), normalised from 10- or 13-digit timestamps. */
  occurredAt: z.number().int().nonnegative(),
  /** IGSID of the person who acted. */
  senderId: z.string().min(1).max(64),
  senderUsername: z.string().max(64).optional(),
  text: z.string().max(8_000).optional(),
  commentId: z.string().max(64).optional(),
  parentCommentId: z.string().max(64).optional(),
  mediaId: z.string().max(64).optional(),
  mediaProductType: z.string().max(32).optional(),
  adId: z.string().max(64).optional(),
  /** Ad comments: the organic post the ad promotes (media.original_media_id), for "selected posts" matching. */
  originalMediaId: z.string().max(64).optional(),
  mid: z.string().max(191).optional(),
  replyToMid: z.string().max(191).optional(),
  storyId: z.string().max(64).optional(),
  payload: z.string().max(1_000).optional(), // postback or quick-reply payload
  referralRef: z.string().max(250).optional(),
  reaction: z.object({ action: z.enum(["react", "unreact"]), emoji: z.string().max(32).optional() }).optional(),
  attachmentTypes: z.array(z.string().max(32)).max(20).optional(),
  /** message_edit: Meta's num_edit, so an out-of-order older edit never overwrites a newer one. */
  editCount: z.number().int().nonnegative().optional(),
  /** message.is_unsupported: a real DM (it opens the 24 h window) whose content the API cannot show. */
  unsupported: z.boolean().optional(),
  /** Arrived in entry.standby[]: another app owns the thread; never auto-reply. */
  standby: z.boolean().default(false),
});
export type TInboundEvent = z.infer<typeof ZInboundEvent>;

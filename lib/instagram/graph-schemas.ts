import { z } from "zod";

/**
 * Response shapes of the Graph endpoints Replyflow calls (reference §2, §4). Lenient on extra
 * keys, strict on what the caller relies on; a mismatch becomes a classified GraphApiError.
 */

/**
 * Ids are strings; numbers are tolerated, even past 2^53 (zod's int() would refuse those), because
 * the client restores the exact digits from the raw body where Meta sends bare numbers.
 */
const ZId = z.union([z.string().min(1), z.number().nonnegative()]).transform(String);

/** Meta returns permission lists as a CSV string or an array depending on the endpoint. */
const ZList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));

const ZCodeExchangeItem = z.object({ access_token: z.string().min(1), user_id: ZId, permissions: ZList.optional() });

/** Documented as `{data:[{…}]}`, often flat in practice (reference §4.1 step 3): accept both. */
export const ZCodeExchangeResponse = z.union([
  z.object({ data: z.array(ZCodeExchangeItem).min(1) }).transform((v) => v.data[0]!),
  ZCodeExchangeItem,
]);

export const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]),
  permissions: ZList.optional(),
});

export const ZMeResponse = z.object({
  id: ZId.optional(),
  user_id: ZId.optional(),
  username: z.string().optional(),
  name: z.string().nullish(),
  profile_picture_url: z.string().nullish(),
  account_type: z.string().nullish(),
});

export const ZSuccess = z.object({ success: z.boolean() });

export const ZSubscribedApps = z.object({
  data: z.array(z.object({ id: ZId.optional(), name: z.string().optional(), subscribed_fields: ZList.optional() })),
});

/** sender_action sends return only recipient_id; message sends also return message_id. */
export const ZSendResponse = z.object({ recipient_id: ZId, message_id: z.string().min(1).optional() });

export const ZCreatedId = z.object({ id: ZId });

export const ZGraphComment = z.looseObject({
  id: ZId,
  text: z.string().optional(),
  timestamp: z.string().optional(),
  hidden: z.boolean().optional(),
  parent_id: ZId.optional(),
  like_count: z.number().optional(),
  username: z.string().optional(),
  from: z.looseObject({ id: ZId, username: z.string().optional() }).optional(),
  media: z.looseObject({ id: ZId, media_product_type: z.string().optional() }).optional(),
});
export type TGraphComment = z.infer<typeof ZGraphComment>;

/** An IG Media node; `timestamp` is its publish time, ISO 8601 with a numeric offset ("2026-11-22T03:15:45+0000"). */
export const ZGraphMedia = z.looseObject({
  id: ZId,
  timestamp: z.string().optional(),
  media_product_type: z.string().optional(),
  caption: z.string().optional(),
  permalink: z.string().optional(),
});
export type TGraphMedia = z.infer<typeof ZGraphMedia>;

/** `name` and `profile_pic` can be null (reference §2.6). */
export const ZGraphUserProfile = z.looseObject({
  id: ZId.optional(),
  name: z.string().nullish(),
  username: z.string().optional(),
  profile_pic: z.string().nullish(),
  follower_count: z.number().optional(),
  is_user_follow_business: z.boolean().optional(),
  is_business_follow_user: z.boolean().optional(),
  is_verified_user: z.boolean().optional(),
});
export type TGraphUserProfile = z.infer<typeof ZGraphUserProfile>;

export const ZMessengerProfileResult = z.object({ result: z.string() });

/** Ice breakers: up to 4 questions (reference §2.7); payload comes back in the postback. */
export const ZIceBreakers = z
  .array(z.object({ question: z.string().min(1).max(80), payload: z.string().min(1).max(1000) }))
  .min(1)
  .max(4);
export type TIceBreaker = z.infer<typeof ZIceBreakers>[number];

/** What `sendMessage` posts to `/{ig-id}/messages` (reference §2.1–2.3). */
export type TSendMessageBody = {
  /** `{id}` for a DM to an IGSID, `{comment_id}` for a private reply to a comment. */
  recipient: { id: string } | { comment_id: string };
  message?: Record<string, unknown>;
  sender_action?: "typing_on" | "typing_off" | "mark_seen" | "react" | "unreact";
  payload?: { message_id: string; reaction?: string };
  messaging_type?: "RESPONSE" | "UPDATE" | "MESSAGE_TAG";
  tag?: "HUMAN_AGENT";
};

import { z } from "zod";
import { toEpochMs } from "./timestamps";

/**
 * zod shapes for Meta's `instagram` webhook deliveries (reference §1.5–1.6). Objects are lenient
 * (unknown keys are ignored, optional keys may be null) and strict only on what an event needs.
 * Items are parsed one at a time so that one odd item never rejects a whole batch.
 */

/** Graph ids are strings. A JSON number is accepted only while it is still exact (IG ids exceed 2^53). */
export const ZGraphId = z
  .union([z.string().min(1), z.number().int().refine(Number.isSafeInteger, "id lost precision as a JSON number")])
  .transform(String);

/** 10-digit seconds or 13-digit ms, as a number or a numeric string (dashboard tests send strings). */
export const ZTimestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = toEpochMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: "custom", message: "not a timestamp" });
    return z.NEVER;
  }
  return ms;
});

const text = z.string().nullish();

// ---------------------------------------------------------------- envelope

/** Just enough to tell an Instagram delivery from another object's; anything less is a 400. */
export const ZEnvelopeHead = z.object({ object: z.string().min(1), entry: z.array(z.unknown()) });

export const ZEntry = z.object({
  /** The IG professional account id (the routing key); "0" for dashboard tests. */
  id: ZGraphId,
  /** When Meta sent the batch, not when the event happened; only a fallback. Garbage is ignored. */
  time: z.unknown().optional(),
  changes: z.array(z.unknown()).nullish(),
  messaging: z.array(z.unknown()).nullish(),
  standby: z.array(z.unknown()).nullish(),
  /** Flat variant of a change, as on Meta's examples page (reference §1.5). */
  field: z.string().nullish(),
  value: z.unknown().optional(),
});
export type TEntry = z.infer<typeof ZEntry>;

export const ZChange = z.object({ field: z.string().min(1), value: z.unknown() });

// ---------------------------------------------------------------- comments

export const ZCommentValue = z.object({
  /** Instagram Login and the Graph reference use `id`; the Facebook Login example uses `comment_id`. */
  id: ZGraphId.nullish(),
  comment_id: ZGraphId.nullish(),
  from: z.object({
    id: ZGraphId,
    username: text,
    /** Present only when the account itself wrote the comment (loop guard). */
    self_ig_scoped_id: ZGraphId.nullish(),
  }),
  text,
  media: z
    .object({
      id: ZGraphId.nullish(),
      media_product_type: text,
      ad_id: ZGraphId.nullish(),
      ad_title: text,
      original_media_id: ZGraphId.nullish(),
    })
    .nullish(),
  parent_id: ZGraphId.nullish(),
  timestamp: ZTimestamp.nullish(),
  created_time: ZTimestamp.nullish(),
});
export type TCommentValue = z.infer<typeof ZCommentValue>;

// ---------------------------------------------------------------- messaging items

const ZReferral = z.object({
  ref: text,
  source: text,
  type: text,
  ad_id: ZGraphId.nullish(),
});

export const ZMessage = z.object({
  mid: z.string().min(1),
  text,
  attachments: z.array(z.object({ type: text, payload: z.unknown().optional() })).nullish(),
  is_echo: z.boolean().nullish(),
  is_self: z.boolean().nullish(),
  is_deleted: z.boolean().nullish(),
  is_unsupported: z.boolean().nullish(),
  quick_reply: z.object({ payload: text }).nullish(),
  referral: ZReferral.nullish(),
  reply_to: z
    .object({
      mid: text,
      story: z.object({ id: ZGraphId.nullish(), url: text }).nullish(),
    })
    .nullish(),
});

export const ZPostback = z.object({ mid: text, title: text, payload: text });

export const ZReaction = z.object({
  mid: z.string().min(1),
  action: z.enum(["react", "unreact"]),
  reaction: text,
  emoji: text,
});

/** Instagram sends the read mid; Messenger-style payloads use a watermark instead. */
export const ZRead = z
  .object({ mid: text, watermark: z.union([z.number(), z.string()]).nullish() })
  .refine((r) => Boolean(r.mid) || r.watermark != null, "read needs a mid or a watermark");

export const ZMessageEdit = z.object({
  mid: z.string().min(1),
  text,
  /** Shown as a string placeholder on Meta's examples page and as a number elsewhere. */
  num_edit: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,9}$/).transform(Number)]).nullish(),
});

/** The event keys of a messaging[] item that become events, in dispatch order. */
export const MESSAGING_EVENT_KEYS = ["message", "postback", "reaction", "read", "message_edit", "referral"] as const;
export type MessagingEventKey = (typeof MESSAGING_EVENT_KEYS)[number];

/** sender / recipient of a messaging item. */
export const ZParticipant = z.object({ id: ZGraphId });

const base = {
  sender: ZParticipant,
  recipient: ZParticipant.nullish(),
  timestamp: ZTimestamp.nullish(),
};

/** One schema per event key, so an item is only checked for the parts its kind needs. */
export const ZMessagingItem = {
  message: z.object({ ...base, message: ZMessage }),
  postback: z.object({ ...base, postback: ZPostback }),
  reaction: z.object({ ...base, reaction: ZReaction }),
  read: z.object({ ...base, read: ZRead }),
  message_edit: z.object({ ...base, message_edit: ZMessageEdit }),
  referral: z.object({ ...base, referral: ZReferral }),
} satisfies Record<MessagingEventKey, z.ZodType>;

import { z } from "zod";
import type { SimContext } from "./context";
import { commentValue, messagingEvent, type MessagingItem } from "./emitter";
import { GraphError } from "./errors";
import { openWindow } from "./window";
import type { Media, User } from "./world";

/**
 * What people do on Instagram, as the simulator's world changes and the webhook Meta would
 * send for it: comments (replies, ad and live comments), DMs (text, attachments, quick replies,
 * referrals, story replies and mentions, unsends), postbacks, reactions, reads, edits and
 * ig.me referrals. DMs, postbacks, quick replies and referrals open the 24-hour window; DMs
 * and postbacks also grant profile consent.
 */
const who = {
  accountId: z.string().min(1),
  /** The person's IGSID for this account; unknown ones appear, omitted ones are created. */
  userId: z.string().min(1).optional(),
  username: z.string().min(1).max(30).optional(),
};
const whoKnown = { accountId: z.string().min(1), userId: z.string().min(1), username: z.string().min(1).max(30).optional() };

const ATTACHMENT_TYPES = ["image", "video", "audio", "file", "share", "ig_post", "ig_reel", "reel", "story", "ig_story", "media"] as const;

export const ZUserAction = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("comment"),
    ...who,
    mediaId: z.string().min(1).optional(),
    text: z.string().min(1).max(2_200),
    parentId: z.string().min(1).optional(),
    /** Comment on the account's running live broadcast (created if none): a live_comments event. */
    live: z.boolean().default(false),
    /** Comment on a boosted post / ad: media_product_type AD with ad_id and ad_title. */
    ad: z.object({ adId: z.string().min(1).default("120200000000000001"), adTitle: z.string().min(1).default("Spring sale") }).strict().optional(),
    /** Back-date the comment (webhook still sent now), e.g. to test the 7-day private-reply rule. */
    ageMs: z.number().int().min(0).max(365 * 86_400_000).default(0),
  }).strict(),
  z.object({
    type: z.literal("dm"),
    ...who,
    text: z.string().min(1).max(8_000).optional(),
    attachments: z.array(z.object({ type: z.enum(ATTACHMENT_TYPES), url: z.string().url() }).strict()).min(1).max(10).optional(),
    quickReply: z.object({ payload: z.string().min(1).max(1_000) }).strict().optional(),
    referral: z.object({
      ref: z.string().max(250).optional(),
      adId: z.string().optional(),
      adTitle: z.string().optional(),
      photoUrl: z.string().url().optional(),
      videoUrl: z.string().url().optional(),
    }).strict().optional(),
    replyToMid: z.string().min(1).optional(),
    replyToStory: z.object({ id: z.string().min(1), url: z.string().url() }).strict().optional(),
    storyMention: z.object({ id: z.string().min(1).optional(), url: z.string().url() }).strict().optional(),
    isUnsupported: z.boolean().optional(),
  }).strict().refine((a) => a.text || a.attachments || a.storyMention || a.isUnsupported, { message: "a dm needs text, attachments, storyMention or isUnsupported" }),
  z.object({ type: z.literal("unsend"), ...whoKnown, mid: z.string().min(1) }).strict(),
  z.object({ type: z.literal("postback"), ...who, title: z.string().min(1).max(80), payload: z.string().min(1).max(1_000) }).strict(),
  z.object({
    type: z.literal("reaction"),
    ...whoKnown,
    mid: z.string().min(1),
    action: z.enum(["react", "unreact"]).default("react"),
    reaction: z.string().min(1).max(32).default("love"),
    emoji: z.string().min(1).max(16).default("\u2764\ufe0f"),
  }).strict(),
  z.object({ type: z.literal("read"), ...whoKnown, mid: z.string().min(1) }).strict(),
  z.object({ type: z.literal("message_edit"), ...whoKnown, mid: z.string().min(1), text: z.string().min(1).max(8_000), numEdit: z.number().int().min(1).default(1) }).strict(),
  z.object({ type: z.literal("referral"), ...who, ref: z.string().max(250).optional(), source: z.string().default("SHORTLINK") }).strict(),
]);
export type TUserAction = z.input<typeof ZUserAction>;
type UserAction = z.output<typeof ZUserAction>;

export type ActionResult = { type: UserAction["type"]; accountId: string; userId: string; commentId?: string; mid?: string };

const bad = (detail: string) => new GraphError("adminInvalid", { detail });

function mediaFor(ctx: SimContext, a: Extract<UserAction, { type: "comment" }>): Media {
  const { world } = ctx;
  if (a.mediaId) {
    const m = world.media.get(a.mediaId);
    if (!m || m.accountId !== a.accountId) throw bad(`media ${a.mediaId} does not belong to account ${a.accountId}`);
    return m;
  }
  if (a.live) {
    for (const m of world.media.values()) if (m.accountId === a.accountId && m.live && m.liveActive) return m;
    return world.addMedia({ accountId: a.accountId, productType: "FEED", caption: "Live", live: true, liveActive: true, ad: null });
  }
  if (a.ad) {
    for (const m of world.media.values()) if (m.accountId === a.accountId && m.ad?.adId === a.ad.adId) return m;
    return world.addMedia({ accountId: a.accountId, productType: "AD", caption: a.ad.adTitle, live: false, liveActive: false, ad: { ...a.ad } });
  }
  return world.defaultMedia(a.accountId);
}

function comment(ctx: SimContext, a: Extract<UserAction, { type: "comment" }>, user: User): ActionResult {
  const media = mediaFor(ctx, a);
  if (media.live && !media.liveActive) throw bad("the live broadcast has ended; it takes no more comments");
  let parentId: string | null = null;
  if (a.parentId) {
    const parent = ctx.world.liveComment(a.parentId);
    if (!parent || parent.mediaId !== media.id) throw bad(`comment ${a.parentId} is not on media ${media.id}`);
    parentId = parent.parentId ?? parent.id;
  }
  const c = ctx.world.addComment({
    accountId: a.accountId,
    mediaId: media.id,
    parentId,
    fromId: user.igsid,
    fromUsername: user.username,
    fromAccount: false,
    text: a.text,
    createdAt: ctx.clock.now() - a.ageMs,
    live: media.live,
  });
  ctx.emitter.emit({ accountId: a.accountId, field: media.live ? "live_comments" : "comments", kind: "change", value: commentValue(c, media, null) });
  return { type: "comment", accountId: a.accountId, userId: user.igsid, commentId: c.id };
}

function dm(ctx: SimContext, a: Extract<UserAction, { type: "dm" }>, user: User, now: number): Record<string, unknown> {
  const mid = ctx.ids.mid(a.accountId);
  const message: Record<string, unknown> = { mid };
  if (a.text) message.text = a.text;
  const attachments: { type: string; payload: { url: string } }[] = a.attachments?.map((x) => ({ type: x.type, payload: { url: x.url } })) ?? [];
  if (a.storyMention) attachments.push({ type: "story_mention", payload: { url: a.storyMention.url } });
  if (attachments.length) message.attachments = attachments;
  if (a.quickReply) message.quick_reply = { payload: a.quickReply.payload };
  if (a.referral) {
    const r = a.referral;
    message.referral = {
      ...(r.ref !== undefined && { ref: r.ref }),
      ...(r.adId !== undefined && { ad_id: r.adId }),
      source: "ADS",
      type: "OPEN_THREAD",
      ads_context_data: { ad_title: r.adTitle ?? "", photo_url: r.photoUrl ?? "", video_url: r.videoUrl ?? "" },
    };
  }
  if (a.replyToStory) message.reply_to = { story: { id: a.replyToStory.id, url: a.replyToStory.url } };
  else if (a.replyToMid) message.reply_to = { mid: a.replyToMid };
  if (a.isUnsupported) message.is_unsupported = true;
  const story = a.storyMention
    ? { kind: "mention" as const, id: a.storyMention.id ?? ctx.ids.mediaId(), url: a.storyMention.url }
    : a.replyToStory ? { kind: "reply" as const, ...a.replyToStory } : null;
  ctx.world.addMessage({
    mid, accountId: a.accountId, userId: user.igsid, fromId: user.igsid, toId: a.accountId, text: a.text ?? null,
    attachments: attachments.map((x) => ({ type: x.type, url: x.payload.url })), story, createdAt: now, isEcho: false, deleted: false,
  });
  openWindow(user, now, true);
  return { message };
}

/** The messaging[] event body and its webhook field, after updating the world. */
function messagingAction(ctx: SimContext, a: Exclude<UserAction, { type: "comment" }>, user: User, now: number): { field: string; body: Record<string, unknown> } {
  switch (a.type) {
    case "dm":
      return { field: "messages", body: dm(ctx, a, user, now) };
    case "unsend": {
      const stored = ctx.world.messages.get(a.mid);
      if (stored) stored.deleted = true;
      return { field: "messages", body: { message: { mid: a.mid, is_deleted: true } } };
    }
    case "postback": {
      openWindow(user, now, true);
      // Standby postbacks reportedly arrive without the payload (reference §1.5).
      const postback = user.threadOwner === "other" ? { mid: ctx.ids.mid(a.accountId), title: a.title } : { mid: ctx.ids.mid(a.accountId), title: a.title, payload: a.payload };
      return { field: "messaging_postbacks", body: { postback } };
    }
    case "reaction":
      return {
        field: "message_reactions",
        body: { reaction: a.action === "react" ? { mid: a.mid, action: "react", reaction: a.reaction, emoji: a.emoji } : { mid: a.mid, action: "unreact" } },
      };
    case "read":
      return { field: "messaging_seen", body: { read: { mid: a.mid } } };
    case "message_edit": {
      const stored = ctx.world.messages.get(a.mid);
      if (stored) stored.text = a.text;
      return { field: "message_edit", body: { message_edit: { mid: a.mid, text: a.text, num_edit: a.numEdit } } };
    }
    case "referral":
      openWindow(user, now, false);
      return { field: "messaging_referral", body: { referral: { ...(a.ref !== undefined && { ref: a.ref }), source: a.source, type: "OPEN_THREAD" } } };
  }
}

export function performAction(ctx: SimContext, input: TUserAction): ActionResult {
  const a = ZUserAction.parse(input);
  if (!ctx.world.accounts.has(a.accountId)) throw new GraphError("adminNotFound", { detail: `account ${a.accountId} not found` });
  let user: User;
  try {
    user = ctx.world.ensureUser(a.accountId, a.userId, a.username);
  } catch (err) {
    throw bad((err as Error).message);
  }
  if (a.type === "comment") return comment(ctx, a, user);
  const now = ctx.clock.now();
  const { field, body } = messagingAction(ctx, a, user, now);
  const item: MessagingItem = { sender: { id: user.igsid }, recipient: { id: a.accountId }, timestamp: now, ...body };
  ctx.emitter.emit(messagingEvent(a.accountId, field, item, user.threadOwner === "other"));
  const mid = (body.message as { mid?: string } | undefined)?.mid;
  return { type: a.type, accountId: a.accountId, userId: user.igsid, ...(mid !== undefined && { mid }) };
}

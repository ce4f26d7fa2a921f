import { graphTime } from "./clock";
import type { SimContext } from "./context";
import { commentValue } from "./emitter";
import { GraphError, invalidParam } from "./errors";
import { authenticate, gate, requireScope, respond, type Authed, type GraphRequest } from "./graph-request";
import { parseFields, selectFields, stringParam } from "./http";
import type { SendKind } from "./send-record";
import { SCOPES } from "./tokens";
import type { Account, Comment, Media } from "./world";

/**
 * Comment endpoints (reference §2.5): public replies, new top-level comments, hide/unhide,
 * delete and reads. Every accepted write lands in the send record; the account's own comments
 * come back as a `comments` webhook with `from.id` = the account and `self_ig_scoped_id` set,
 * which receivers must drop (loop guard).
 */
const COMMENT_MAX_CHARS = 2200;

function ownComment(authed: Authed, comment: Comment | undefined, id: string, method: string): Comment {
  if (!comment || comment.accountId !== authed.account.id) throw new GraphError("unsupportedRequest", { method: method.toLowerCase(), id });
  return comment;
}

function messageParam(gr: GraphRequest): string {
  const text = stringParam(gr.params, "message");
  if (text === undefined) throw invalidParam("The parameter message is required");
  if ([...text].length > COMMENT_MAX_CHARS) throw invalidParam(`Param message must be at most ${COMMENT_MAX_CHARS} characters`);
  return text;
}

function record(ctx: SimContext, gr: GraphRequest, account: Account, kind: SendKind, comment: Comment, text: string | null, detail: string | null) {
  return ctx.sends.add({
    kind,
    accountId: account.id,
    recipientId: comment.fromAccount ? null : comment.fromId,
    commentId: comment.id,
    text,
    messageId: null,
    at: ctx.clock.now(),
    endpoint: `${gr.method} /${gr.segments.join("/")}`,
    detail,
  });
}

/** Writes a comment as the account and emits its webhook, like any other comment. */
function postAsAccount(ctx: SimContext, account: Account, media: Media, parentId: string | null, text: string): Comment {
  const comment = ctx.world.addComment({
    accountId: account.id,
    mediaId: media.id,
    parentId,
    fromId: account.id,
    fromUsername: account.username,
    fromAccount: true,
    text,
    createdAt: ctx.clock.now(),
    live: false,
  });
  ctx.emitter.emit({ accountId: account.id, field: "comments", kind: "change", value: commentValue(comment, media, account.selfIgsid) });
  return comment;
}

function finish(ctx: SimContext, gr: GraphRequest, entry: ReturnType<typeof record>, sentButErrored: boolean, body: unknown): void {
  if (sentButErrored) {
    ctx.sends.markErroredAfterSend(entry);
    throw new GraphError("sentButErrored");
  }
  respond(gr, body);
}

/** `POST /{comment-id}/replies`: a reply to a reply attaches to the top-level comment. */
export async function handleReply(ctx: SimContext, gr: GraphRequest, commentId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const target = ownComment(authed, ctx.world.liveComment(commentId), commentId, gr.method);
  requireScope(authed, SCOPES.comments);
  const text = messageParam(gr);
  const outcome = await gate(ctx, gr, authed.account, "comment_reply", "buc");
  if (target.hidden) throw new GraphError("replyToHidden");
  if (target.live) throw new GraphError("replyToLive");
  const topId = target.parentId ?? target.id;
  const media = ctx.world.media.get(target.mediaId);
  if (!media) throw new GraphError("unsupportedRequest", { method: "post", id: commentId });
  const reply = postAsAccount(ctx, authed.account, media, topId, text);
  const entry = record(ctx, gr, authed.account, "comment_reply", target, text, reply.id);
  finish(ctx, gr, entry, outcome.sentButErrored, { id: reply.id });
}

/** `POST /{media-id}/comments`: a new top-level comment by the account. */
export async function handleMediaComment(ctx: SimContext, gr: GraphRequest, media: Media): Promise<void> {
  const authed = authenticate(ctx, gr);
  if (media.accountId !== authed.account.id) throw new GraphError("unsupportedRequest", { method: "post", id: media.id });
  requireScope(authed, SCOPES.comments);
  const text = messageParam(gr);
  const outcome = await gate(ctx, gr, authed.account, "comment_reply", "buc");
  if (media.live) throw new GraphError("replyToLive");
  const comment = postAsAccount(ctx, authed.account, media, null, text);
  const entry = record(ctx, gr, authed.account, "comment", comment, text, null);
  finish(ctx, gr, entry, outcome.sentButErrored, { id: comment.id });
}

/** `POST /{comment-id}?hide=true|false`. */
export async function handleHide(ctx: SimContext, gr: GraphRequest, commentId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const comment = ownComment(authed, ctx.world.liveComment(commentId), commentId, gr.method);
  requireScope(authed, SCOPES.comments);
  const raw = gr.params.hide;
  if (raw === undefined || raw === "") throw invalidParam("The parameter hide is required");
  if (raw !== true && raw !== false && raw !== "true" && raw !== "false") throw invalidParam("Param hide must be a boolean");
  const hide = raw === true || raw === "true";
  const outcome = await gate(ctx, gr, authed.account, "moderation", "buc");
  comment.hidden = hide;
  const entry = record(ctx, gr, authed.account, hide ? "hide" : "unhide", comment, null, null);
  finish(ctx, gr, entry, outcome.sentButErrored, { success: true });
}

/** `DELETE /{comment-id}`: the comment then behaves as unknown (2534014 for private replies). */
export async function handleDelete(ctx: SimContext, gr: GraphRequest, commentId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const comment = ownComment(authed, ctx.world.liveComment(commentId), commentId, gr.method);
  requireScope(authed, SCOPES.comments);
  const outcome = await gate(ctx, gr, authed.account, "moderation", "buc");
  comment.deleted = true;
  const entry = record(ctx, gr, authed.account, "delete", comment, null, null);
  finish(ctx, gr, entry, outcome.sentButErrored, { success: true });
}

function commentSummary(c: Comment): Record<string, unknown> {
  return { id: c.id, text: c.text, timestamp: graphTime(c.createdAt) };
}

function repliesOf(ctx: SimContext, c: Comment): Record<string, unknown>[] {
  return c.replyIds.map((id) => ctx.world.liveComment(id)).filter((r): r is Comment => !!r).map(commentSummary);
}

/** `GET /{comment-id}?fields=…`; live comments are readable only while the broadcast runs. */
export async function handleReadComment(ctx: SimContext, gr: GraphRequest, commentId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const c = ownComment(authed, ctx.world.liveComment(commentId), commentId, gr.method);
  const media = ctx.world.media.get(c.mediaId);
  if (c.live && !media?.liveActive) throw new GraphError("unsupportedRequest", { method: "get", id: commentId });
  const body = selectFields(parseFields(stringParam(gr.params, "fields")), ["id", "text", "timestamp"], {
    id: () => c.id,
    text: () => c.text,
    timestamp: () => graphTime(c.createdAt),
    hidden: () => c.hidden,
    parent_id: () => c.parentId ?? undefined,
    from: () => ({ id: c.fromId, username: c.fromUsername }),
    username: () => c.fromUsername,
    like_count: () => 0,
    media: () => ({ id: c.mediaId, media_product_type: media?.productType }),
    replies: () => ({ data: repliesOf(ctx, c) }),
    legacy_instagram_comment_id: () => undefined,
  }, "IGCommentFromUser");
  await gate(ctx, gr, authed.account, "read", "buc");
  respond(gr, body);
}

/** `GET /{comment-id}/replies` and `GET /{media-id}/comments`. */
export async function handleListComments(ctx: SimContext, gr: GraphRequest, parent: { comment?: Comment; media?: Media }): Promise<void> {
  const authed = authenticate(ctx, gr);
  const accountId = parent.comment?.accountId ?? parent.media?.accountId;
  const id = parent.comment?.id ?? parent.media?.id ?? "";
  if (accountId !== authed.account.id) throw new GraphError("unsupportedRequest", { method: "get", id });
  await gate(ctx, gr, authed.account, "read", "buc");
  let data: Record<string, unknown>[];
  if (parent.comment) data = repliesOf(ctx, parent.comment);
  else {
    data = [];
    for (const c of ctx.world.comments.values()) if (c.mediaId === id && !c.parentId && !c.deleted) data.push(commentSummary(c));
  }
  respond(gr, { data });
}

/** `GET /{media-id}?fields=…`. */
export async function handleReadMedia(ctx: SimContext, gr: GraphRequest, media: Media): Promise<void> {
  const authed = authenticate(ctx, gr);
  if (media.accountId !== authed.account.id) throw new GraphError("unsupportedRequest", { method: "get", id: media.id });
  let count: number | undefined;
  const commentsCount = () => {
    if (count === undefined) {
      count = 0;
      for (const c of ctx.world.comments.values()) if (c.mediaId === media.id && !c.deleted) count++;
    }
    return count;
  };
  const body = selectFields(parseFields(stringParam(gr.params, "fields")), ["id"], {
    id: () => media.id,
    caption: () => media.caption,
    media_product_type: () => media.productType,
    media_type: () => (media.productType === "REELS" || media.live ? "VIDEO" : "IMAGE"),
    timestamp: () => graphTime(media.createdAt),
    username: () => authed.account.username,
    comments_count: commentsCount,
    permalink: () => `https://www.instagram.com/p/${media.id}/`,
  }, "IGMedia");
  await gate(ctx, gr, authed.account, "read", "buc");
  respond(gr, body);
}

import type { SimContext } from "./context";
import { messagingEvent } from "./emitter";
import { GraphError } from "./errors";
import { authenticate, gate, requireScope, requireSelf, respond, type Authed, type GateResult, type GraphRequest } from "./graph-request";
import { parseSend, type OutgoingMessage, type ParsedSend } from "./message-validate";
import type { SendKind } from "./send-record";
import { SCOPES } from "./tokens";
import { checkDmAllowed, PRIVATE_REPLY_MAX_AGE_MS } from "./window";
import type { Account, User } from "./world";

/**
 * `POST /{ig-id|me}/messages`: DMs to an IGSID and private replies to a comment. Order of
 * checks: token → body → permission → faults and rate limits (every valid call counts) →
 * recipient rules → effect. The effect is one send record, one stored message and one
 * `is_echo` webhook, and happens before a sent-but-errored fault answers with 1/1357046.
 */
export async function handleSend(ctx: SimContext, gr: GraphRequest, nodeId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const account = requireSelf(authed, nodeId, gr.method);
  const parsed = parseSend(gr.params, account, ctx.world);
  if (parsed.recipient.kind === "comment") {
    if (parsed.kind !== "message") throw new GraphError("invalidParameter", { detail: "A private reply must be a message" });
    return privateReply(ctx, gr, authed, account, parsed.recipient.commentId, parsed.message);
  }
  return directMessage(ctx, gr, authed, account, parsed.recipient.id, parsed);
}

async function privateReply(ctx: SimContext, gr: GraphRequest, authed: Authed, account: Account, commentId: string, message: OutgoingMessage): Promise<void> {
  requireScope(authed, SCOPES.comments);
  const comment = ctx.world.liveComment(commentId);
  const outcome = await gate(ctx, gr, account, "private_reply", comment?.live ? "privateReplyLive" : "privateReply");
  if (!comment || comment.accountId !== account.id) throw new GraphError("noMatchingUser");
  const refuse = (reason: string) => new GraphError("privateReplyNotAllowed", { reason });
  const now = ctx.clock.now();
  if (comment.fromAccount) throw refuse("the comment was written by the account itself");
  if (comment.privateReplied) throw refuse("a private reply was already sent for this comment");
  if (now - comment.createdAt > PRIVATE_REPLY_MAX_AGE_MS) throw refuse("the comment is more than 7 days old");
  if (comment.live && !ctx.world.media.get(comment.mediaId)?.liveActive) throw refuse("the live broadcast has ended");
  const user = ctx.world.users.get(comment.fromId);
  if (!user) throw new GraphError("noMatchingUser");
  if (user.blocked) throw new GraphError("userUnavailable");
  if (!account.dmsEnabled) throw new GraphError("dmsDisabled");
  if (user.threadOwner === "other") throw new GraphError("notThreadOwner");
  comment.privateReplied = true;
  user.lastPrivateReplyAt = now;
  deliver(ctx, gr, account, user, message, "private_reply", comment.id, outcome);
}

async function directMessage(ctx: SimContext, gr: GraphRequest, authed: Authed, account: Account, igsid: string, parsed: ParsedSend): Promise<void> {
  requireScope(authed, SCOPES.messages);
  const isAction = parsed.kind === "sender_action";
  const outcome = await gate(ctx, gr, account, isAction ? "sender_action" : "dm", !isAction && parsed.message.media ? "sendMedia" : "sendText");
  const user = ctx.world.users.get(igsid);
  if (!user || user.accountId !== account.id) throw new GraphError("noMatchingUser");
  const now = ctx.clock.now();
  checkDmAllowed(account, user, now, !isAction && parsed.humanAgent);
  if (!isAction) return deliver(ctx, gr, account, user, parsed.message, "dm", null, outcome);

  const entry = record(ctx, gr, account, "sender_action", user.igsid, null, null, null, parsed.targetMid ? `${parsed.action}:${parsed.targetMid}` : parsed.action);
  if (outcome.sentButErrored) {
    ctx.sends.markErroredAfterSend(entry);
    throw new GraphError("sentButErrored");
  }
  respond(gr, { recipient_id: user.igsid });
}

function record(ctx: SimContext, gr: GraphRequest, account: Account, kind: SendKind, recipientId: string, commentId: string | null, text: string | null, messageId: string | null, detail: string | null) {
  return ctx.sends.add({
    kind,
    accountId: account.id,
    recipientId,
    commentId,
    text,
    messageId,
    at: ctx.clock.now(),
    endpoint: `${gr.method} /${gr.segments.join("/")}`,
    detail,
  });
}

function deliver(ctx: SimContext, gr: GraphRequest, account: Account, user: User, message: OutgoingMessage, kind: "dm" | "private_reply", commentId: string | null, outcome: GateResult): void {
  const now = ctx.clock.now();
  const mid = ctx.ids.mid(account.id);
  ctx.world.addMessage({
    mid,
    accountId: account.id,
    userId: user.igsid,
    fromId: account.id,
    toId: user.igsid,
    text: message.text,
    attachments: message.attachments,
    story: null,
    createdAt: now,
    isEcho: true,
    deleted: false,
  });
  const entry = record(ctx, gr, account, kind, user.igsid, commentId, message.text, mid, message.detail);
  ctx.emitter.emit(
    messagingEvent(account.id, "messages", {
      sender: { id: account.id },
      recipient: { id: user.igsid },
      timestamp: now,
      message: { mid, ...message.echo, is_echo: true },
    }),
  );
  if (outcome.sentButErrored) {
    ctx.sends.markErroredAfterSend(entry);
    throw new GraphError("sentButErrored");
  }
  respond(gr, { recipient_id: user.igsid, message_id: mid });
}

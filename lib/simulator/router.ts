import { handleDelete, handleHide, handleListComments, handleMediaComment, handleReadComment, handleReadMedia, handleReply } from "./comments";
import type { SimContext } from "./context";
import { handleListConversations, handleReadMessage, handleReadThread } from "./conversations";
import { GraphError } from "./errors";
import { authenticate, type GraphRequest } from "./graph-request";
import { handleSend } from "./messaging";
import { handleMessengerProfile } from "./messenger-profile";
import { handleLongLivedExchange, handleRefresh } from "./oauth";
import { handleReadAccount, handleReadProfile } from "./profiles";
import { handleSubscribedApps } from "./subscriptions";

/**
 * graph.instagram.com paths after the version prefix: `/access_token`, `/refresh_access_token`,
 * `/{node}` and `/{node}/{edge}`. Nodes resolve through the world (account, comment, user,
 * media, message, conversation); an unknown node or a method a node does not take is Meta's
 * 100/33 — after the token is checked, as on Meta.
 */
function unsupported(ctx: SimContext, gr: GraphRequest, id: string): never {
  authenticate(ctx, gr);
  throw new GraphError("unsupportedRequest", { method: gr.method.toLowerCase(), id });
}

export async function routeGraph(ctx: SimContext, gr: GraphRequest): Promise<void> {
  const [id, edge, ...rest] = gr.segments;
  if (!id || rest.length) throw new GraphError("unknownPath", { path: `/${gr.segments.join("/")}` });
  const m = gr.method;

  if (edge === undefined) {
    if (id === "access_token" && m === "GET") return handleLongLivedExchange(ctx, gr);
    if (id === "refresh_access_token" && m === "GET") return handleRefresh(ctx, gr);
    if (id === "me") return m === "GET" ? handleReadAccount(ctx, gr, id) : unsupported(ctx, gr, id);
    const node = ctx.world.node(id);
    if (!node) return unsupported(ctx, gr, id);
    switch (node.type) {
      case "account":
        if (m === "GET") return handleReadAccount(ctx, gr, id);
        break;
      case "comment":
        if (m === "GET") return handleReadComment(ctx, gr, id);
        if (m === "POST") return handleHide(ctx, gr, id);
        if (m === "DELETE") return handleDelete(ctx, gr, id);
        break;
      case "user":
        if (m === "GET") return handleReadProfile(ctx, gr, node.user);
        break;
      case "media":
        if (m === "GET") return handleReadMedia(ctx, gr, node.media);
        break;
      case "message":
        if (m === "GET") return handleReadMessage(ctx, gr, node.message);
        break;
      case "thread":
        if (m === "GET") return handleReadThread(ctx, gr, node.user);
        break;
    }
    return unsupported(ctx, gr, id);
  }

  switch (edge) {
    case "messages":
      if (m === "POST") return handleSend(ctx, gr, id);
      break;
    case "subscribed_apps":
      if (m === "GET" || m === "POST" || m === "DELETE") return handleSubscribedApps(ctx, gr, id);
      break;
    case "messenger_profile":
      if (m === "GET" || m === "POST" || m === "DELETE") return handleMessengerProfile(ctx, gr, id);
      break;
    case "conversations":
      if (m === "GET") return handleListConversations(ctx, gr, id);
      break;
    case "replies": {
      const comment = ctx.world.liveComment(id);
      if (comment && m === "POST") return handleReply(ctx, gr, id);
      if (comment && m === "GET") return handleListComments(ctx, gr, { comment });
      break;
    }
    case "comments": {
      const media = ctx.world.media.get(id);
      if (media && m === "POST") return handleMediaComment(ctx, gr, media);
      if (media && m === "GET") return handleListComments(ctx, gr, { media });
      break;
    }
    default:
      authenticate(ctx, gr);
      throw new GraphError("unknownPath", { path: `/${edge}` });
  }
  return unsupported(ctx, gr, id);
}

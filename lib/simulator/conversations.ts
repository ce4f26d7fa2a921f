import { graphTime } from "./clock";
import type { SimContext } from "./context";
import { GraphError } from "./errors";
import { authenticate, gate, requireScope, requireSelf, respond, type Authed, type GraphRequest } from "./graph-request";
import { parseFields, selectFields, stringParam } from "./http";
import { SCOPES } from "./tokens";
import type { Account, StoredMessage, User } from "./world";

/**
 * The Conversations API, the polling fallback (reference §2.8): `GET /{ig-id}/conversations`,
 * `GET /{conversation-id}?fields=messages,…` and `GET /{message-id}?fields=…,story`. All of it
 * counts against the 2 calls/s conversations limit. Only recent messages are kept (see caps).
 */
function party(ctx: SimContext, id: string): { username: string; id: string } {
  const account = ctx.world.accounts.get(id);
  if (account) return { username: account.username, id };
  return { username: ctx.world.users.get(id)?.username ?? "", id };
}

async function begin(ctx: SimContext, gr: GraphRequest): Promise<Authed> {
  const authed = authenticate(ctx, gr);
  requireScope(authed, SCOPES.messages);
  return authed;
}

export async function handleListConversations(ctx: SimContext, gr: GraphRequest, nodeId: string): Promise<void> {
  const authed = await begin(ctx, gr);
  const account = requireSelf(authed, nodeId, gr.method);
  await gate(ctx, gr, account, "conversations", "conversations");
  const userFilter = stringParam(gr.params, "user_id");
  const limit = Math.min(Math.max(Number(stringParam(gr.params, "limit") ?? 25) || 25, 1), 100);
  const threads: User[] = [];
  for (const u of ctx.world.users.values()) {
    if (u.accountId !== account.id || u.lastMessageAt === null) continue;
    if (userFilter !== undefined && u.igsid !== userFilter) continue;
    threads.push(u);
  }
  threads.sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0));
  respond(gr, { data: threads.slice(0, limit).map((u) => ({ id: u.threadId, updated_time: graphTime(u.lastMessageAt ?? 0) })) });
}

export async function handleReadThread(ctx: SimContext, gr: GraphRequest, user: User): Promise<void> {
  const authed = await begin(ctx, gr);
  if (user.accountId !== authed.account.id) throw new GraphError("unsupportedRequest", { method: "get", id: user.threadId });
  const account = authed.account;
  const body = selectFields(parseFields(stringParam(gr.params, "fields")), ["id"], {
    id: () => user.threadId,
    updated_time: () => graphTime(user.lastMessageAt ?? 0),
    participants: () => ({ data: [party(ctx, account.id), party(ctx, user.igsid)] }),
    messages: () => ({
      data: [...user.recentMids]
        .reverse()
        .map((mid) => ctx.world.messages.get(mid))
        .filter((m): m is StoredMessage => !!m)
        .map((m) => ({ id: m.mid, created_time: graphTime(m.createdAt) })),
    }),
  }, "UnifiedThread");
  await gate(ctx, gr, account, "conversations", "conversations");
  respond(gr, body);
}

export async function handleReadMessage(ctx: SimContext, gr: GraphRequest, message: StoredMessage): Promise<void> {
  const authed = await begin(ctx, gr);
  const account: Account = authed.account;
  if (message.accountId !== account.id) throw new GraphError("unsupportedRequest", { method: "get", id: message.mid });
  const story = message.story;
  const body = selectFields(parseFields(stringParam(gr.params, "fields")), ["id", "created_time"], {
    id: () => message.mid,
    created_time: () => graphTime(message.createdAt),
    from: () => party(ctx, message.fromId),
    to: () => ({ data: [party(ctx, message.toId)] }),
    message: () => message.text ?? "",
    attachments: () => (message.attachments ? { data: message.attachments.map((a) => ({ type: a.type, url: a.url })) } : undefined),
    story: () => (story ? { [story.kind === "mention" ? "mention" : "reply_to"]: { link: story.url, id: story.id } } : undefined),
    is_unsupported: () => false,
  }, "Message");
  await gate(ctx, gr, account, "conversations", "conversations");
  respond(gr, body);
}

import { env } from "@/lib/env";
import { createGraphClient, type GraphClient } from "@/lib/instagram/graph-client";
import type { GraphUsage } from "@/lib/instagram/usage-headers";
import type { TOutboundKind, TSendPart } from "./content";
import { keepAliveFetch } from "./keep-alive-fetch";

const store = globalThis as unknown as { __replyflowGraph?: GraphClient };

/**
 * The workers' Graph client, built once per process from the environment (Meta in
 * production, the simulator in development, tests and benchmarks), over keep-alive
 * node:http(s) agents (keep-alive-fetch.ts): every send reuses a warm socket.
 */
export function graphClient(): GraphClient {
  if (!store.__replyflowGraph) {
    const e = env();
    store.__replyflowGraph = createGraphClient({
      graphBaseUrl: e.GRAPH_API_BASE_URL,
      oauthBaseUrl: e.GRAPH_OAUTH_BASE_URL,
      authorizeBaseUrl: e.GRAPH_AUTHORIZE_BASE_URL,
      apiVersion: e.GRAPH_API_VERSION,
      appId: e.INSTAGRAM_APP_ID,
      appSecret: e.INSTAGRAM_APP_SECRET,
      timeoutMs: e.GRAPH_TIMEOUT_MS,
      requireAppsecretProof: e.GRAPH_REQUIRE_APPSECRET_PROOF,
      fetchImpl: keepAliveFetch as unknown as typeof fetch,
    });
  }
  return store.__replyflowGraph;
}

export type GraphTarget = { kind: TOutboundKind; igUserId: string; recipientIgsid?: string; commentId?: string; part?: TSendPart; text?: string };
export type GraphOutcome = { id: string | null; usage: GraphUsage };

/** One Graph call for one step of a send; errors are the client's classified GraphErrors. */
export async function callGraph(token: string, t: GraphTarget): Promise<GraphOutcome> {
  const g = graphClient();
  switch (t.kind) {
    case "dm": {
      if (!t.recipientIgsid || !t.part) throw new Error("a DM needs a recipient and a message");
      const r = await g.sendMessage(token, t.igUserId, { recipient: { id: t.recipientIgsid }, message: t.part.message });
      return { id: r.messageId ?? null, usage: r.usage };
    }
    case "private_reply": {
      if (!t.commentId || !t.part) throw new Error("a private reply needs a comment and a message");
      const r = await g.sendMessage(token, t.igUserId, { recipient: { comment_id: t.commentId }, message: t.part.message });
      return { id: r.messageId ?? null, usage: r.usage };
    }
    case "public_reply": {
      if (!t.commentId || t.text === undefined) throw new Error("a public reply needs a comment and a text");
      const r = await g.replyToComment(token, t.commentId, t.text);
      return { id: r.id, usage: r.usage };
    }
    case "hide_comment": {
      if (!t.commentId) throw new Error("hiding needs a comment");
      const r = await g.hideComment(token, t.commentId, true);
      return { id: null, usage: r.usage };
    }
    case "webhook":
      throw new Error("outgoing webhooks are not Graph calls (send-webhook.ts)");
  }
}

import { graph } from "@/lib/instagram/graph";
import type { GraphUsage } from "@/lib/instagram/usage-headers";
import type { TOutboundKind, TSendPart } from "./content";

export type GraphTarget = { kind: TOutboundKind; igUserId: string; recipientIgsid?: string; commentId?: string; part?: TSendPart; text?: string };
export type GraphOutcome = { id: string | null; usage: GraphUsage };

/** One Graph call for one step of a send; errors are the client's classified GraphErrors. */
export async function callGraph(token: string, t: GraphTarget): Promise<GraphOutcome> {
  // The process's one Graph client (lib/instagram/graph.ts), shared with the connect flow and maintenance jobs.
  const g = graph();
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

import { z } from "zod";

/**
 * Our own sends coming back (reference §1.6): `is_echo` messages and the account's own
 * comments. They never become automation events (the loop guard drops them as events); they
 * are returned apart so the pipeline can reconcile a send whose outcome was ambiguous
 * (timeout, 1/1357046) against what Instagram says it delivered.
 */
export const ZOutboundEcho = z.object({
  /** The IG professional account id (entry.id). */
  igUserId: z.string().min(1).max(64),
  kind: z.enum(["message", "comment"]),
  /** message: the person the account wrote to. */
  recipientId: z.string().max(64).optional(),
  mid: z.string().max(191).optional(),
  /** comment: the account's own comment, and the top-level comment it answers. */
  commentId: z.string().max(64).optional(),
  parentCommentId: z.string().max(64).optional(),
  /** What was sent: the text, a template's text, or an attachment's URL ("" when none). */
  text: z.string().max(8_000),
  timestamp: z.number().int().nonnegative(),
});
export type TOutboundEcho = z.infer<typeof ZOutboundEcho>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The text a message echo carries: plain text, else a button template's text, else the first attachment's URL. */
export function echoBody(message: { text?: string | null; attachments?: { type?: string | null; payload?: unknown }[] | null }): string {
  if (typeof message.text === "string" && message.text.length > 0) return message.text;
  const first = message.attachments?.[0];
  const payload = isRecord(first?.payload) ? first.payload : undefined;
  if (typeof payload?.text === "string") return payload.text;
  if (typeof payload?.url === "string") return payload.url;
  return "";
}

/** The identity of an echo, for job ids: its mid or comment id. */
export function echoId(echo: TOutboundEcho): string {
  return echo.kind === "message" ? `m:${echo.mid ?? ""}` : `c:${echo.commentId ?? ""}`;
}

import { z } from "zod";

/**
 * What an OutboundMessage row sends (its `content` JSON), rendered once when the row is
 * created: a retried or resent job sends exactly these bytes, and reconciliation compares
 * echoes with them.
 */
export const ZOutboundKind = z.enum(["public_reply", "private_reply", "dm", "hide_comment", "webhook"]);
export type TOutboundKind = z.infer<typeof ZOutboundKind>;

export const ZSendPart = z.object({
  /** Graph `message` object for POST /{ig-id}/messages. */
  message: z.record(z.string(), z.unknown()),
  /** What the echo webhook will show for this part: its text, template text or image URL. */
  echo: z.string().max(8_000),
});
export type TSendPart = z.infer<typeof ZSendPart>;

export const ZOutboundContent = z.object({
  /** DMs and private replies: one Graph call per part (an image goes before its text). */
  parts: z.array(ZSendPart).min(1).max(2).optional(),
  /** How many parts already went out, so a retry resumes instead of repeating the image. */
  partsSent: z.number().int().min(0).max(2).optional(),
  /** Public reply text. */
  text: z.string().max(8_000).optional(),
  /** Public reply: the top-level comment Instagram names as the parent of our reply (its echo). */
  echoParentId: z.string().max(64).optional(),
  mediaId: z.string().max(64).optional(),
  variantIndex: z.number().int().min(0).optional(),
  /** Private reply to a comment on a Live broadcast: Meta allows 100/s for these, not 750/hour. */
  live: z.boolean().optional(),
  /** When the comment was written (ms): private replies are allowed for 7 days. */
  commentAt: z.number().int().nonnegative().optional(),
  /** Outgoing webhook: the body is signed with the automation's secret, read at send time. */
  webhook: z.object({ url: z.string().max(2_000), body: z.record(z.string(), z.unknown()) }).optional(),
});
export type TOutboundContent = z.infer<typeof ZOutboundContent>;

/** The part a send is at, and its echo text (what reconciliation matches on). */
export function currentPart(content: TOutboundContent): { index: number; part: TSendPart } | undefined {
  const index = content.partsSent ?? 0;
  const part = content.parts?.[index];
  return part ? { index, part } : undefined;
}

/** The echo text of the step a send is at: the current part's, or the public reply's text. */
export function expectedEcho(kind: TOutboundKind, content: TOutboundContent): string | undefined {
  if (kind === "public_reply") return content.text;
  if (kind === "dm" || kind === "private_reply") return currentPart(content)?.part.echo;
  return undefined;
}

import type { TOutboundEcho } from "@/lib/ingest/normalize-echo";
import { expectedEcho, type TOutboundContent, type TOutboundKind } from "../outbound/content";

export type EchoCandidate = {
  id: string;
  kind: TOutboundKind;
  status: "sending" | "unknown";
  recipientIgsid: string | null;
  content: TOutboundContent;
  claimedAt: Date | null;
};

/** Where an echo points: the person for messages, `c:<parent>` for our public replies. */
export function echoTarget(echo: Pick<TOutboundEcho, "kind" | "recipientId" | "parentCommentId">): string | undefined {
  if (echo.kind === "message") return echo.recipientId;
  return echo.parentCommentId ? `c:${echo.parentCommentId}` : undefined;
}

/** The same target for a row: what its echo would point at. */
export function rowEchoTarget(kind: TOutboundKind, recipientIgsid: string | null | undefined, content: TOutboundContent): string | undefined {
  if (kind === "dm" || kind === "private_reply") return recipientIgsid ?? undefined;
  if (kind === "public_reply") return content.echoParentId ? `c:${content.echoParentId}` : undefined;
  return undefined;
}

/**
 * Which send in flight or in doubt an echo confirms: same account (the caller's query), same
 * recipient or parent comment, exactly the text we sent for the step the row is at. A row
 * being sent right now is the likelier source of an echo than one already in doubt; among
 * equals the oldest claim wins. Pure, unit-tested.
 */
export function matchEcho(echo: TOutboundEcho, candidates: readonly EchoCandidate[]): EchoCandidate | undefined {
  const target = echoTarget(echo);
  if (!target) return undefined;
  const wantKinds: readonly TOutboundKind[] = echo.kind === "message" ? ["dm", "private_reply"] : ["public_reply"];
  const matching = candidates.filter(
    (c) => wantKinds.includes(c.kind) && rowEchoTarget(c.kind, c.recipientIgsid, c.content) === target && expectedEcho(c.kind, c.content) === echo.text,
  );
  matching.sort((a, b) => (a.status === b.status ? (a.claimedAt?.getTime() ?? 0) - (b.claimedAt?.getTime() ?? 0) : a.status === "sending" ? -1 : 1));
  return matching[0];
}

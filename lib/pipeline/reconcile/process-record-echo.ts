import type { Job } from "bullmq";
import type { Logger } from "pino";
import { ZRecordEchoJob } from "../jobs/record-echo-job";
import { ZOutboundContent, type TOutboundKind } from "../outbound/content";
import { markSent } from "../outbound/store/mark-sent";
import { reasons } from "../reasons";
import { TENANT, tenantSql } from "../sql/tenant-sql";
import { rememberEcho } from "./echo-fingerprints";
import { echoTarget, matchEcho, type EchoCandidate } from "./match-echo";

const MAX_CANDIDATES = 100;

type Raw = { id: bigint; kind: TOutboundKind; status: "sending" | "unknown"; recipientIgsid: string | null; contactId: string | null; content: unknown; claimedAt: Date | null };

/** Whether a Graph id already belongs to some row (an echo confirms one send, never two). */
async function idTaken(tenantId: string, accountId: string, graphId: string): Promise<boolean> {
  const rows = await tenantSql(tenantId).query<{ id: bigint }>`SELECT id FROM OutboundMessage
    WHERE tenantId = ${TENANT} AND accountId = ${accountId} AND graphMessageId = ${graphId} LIMIT 1`;
  return rows.length > 0;
}

/**
 * The `record-echo` job: one of our own sends came back through the webhook. Its fingerprint
 * goes to Redis for 24 h (a reconcile that runs later, anywhere, finds it), and a matching
 * send still `sending` or `unknown` is settled as `sent` with the echoed id — the
 * reconciliation of SPEC §5, which makes an ambiguous answer (timeout, 1/1357046) never
 * lead to a second message.
 */
export async function processRecordEcho(job: Job, pctx: { log: Logger }): Promise<unknown> {
  const { tenantId, accountId, echo } = ZRecordEchoJob.parse(job.data);
  const target = echoTarget(echo);
  const graphId = echo.kind === "message" ? echo.mid : echo.commentId;
  if (!target || !graphId) return { outcome: "unmatched" };
  await rememberEcho(accountId, target, echo.text, graphId);

  const kinds: TOutboundKind[] = echo.kind === "message" ? ["dm", "private_reply"] : ["public_reply"];
  const rows = await tenantSql(tenantId).query<Raw>`SELECT id, kind, status, recipientIgsid, contactId, content, claimedAt FROM OutboundMessage
    WHERE tenantId = ${TENANT} AND accountId = ${accountId} AND status IN ('sending', 'unknown') AND kind IN (${kinds})
    ORDER BY id LIMIT ${MAX_CANDIDATES}`;
  const candidates: (EchoCandidate & { contactId: string | null })[] = rows.map((r) => ({
    id: String(r.id),
    kind: r.kind,
    status: r.status,
    recipientIgsid: r.recipientIgsid,
    contactId: r.contactId,
    content: ZOutboundContent.parse(typeof r.content === "string" ? JSON.parse(r.content) : r.content),
    claimedAt: r.claimedAt,
  }));
  const match = matchEcho(echo, candidates) as (EchoCandidate & { contactId: string | null }) | undefined;
  if (!match || (await idTaken(tenantId, accountId, graphId))) return { outcome: "recorded" };
  const settled = await markSent({
    tenantId,
    outboundId: match.id,
    graphMessageId: graphId,
    at: Date.now(),
    latencyMs: null,
    ...(match.status === "unknown" ? { reason: reasons.confirmedByEcho() } : {}),
    ...(match.kind === "private_reply" && match.contactId ? { awaitContactId: match.contactId } : {}),
  });
  if (settled) pctx.log.info({ tenantId, outboundId: match.id, was: match.status }, "send confirmed by its echo");
  return { outcome: settled ? "settled" : "recorded" };
}

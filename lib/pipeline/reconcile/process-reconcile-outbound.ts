import type { Job } from "bullmq";
import type { Logger } from "pino";
import { ZReconcileOutboundJob } from "../jobs/reconcile-outbound-job";
import { expectedEcho } from "../outbound/content";
import { requeueSend } from "../outbound/requeue-send";
import { loadSendRows } from "../outbound/store/load-send-rows";
import { markSent } from "../outbound/store/mark-sent";
import { refundUsage } from "../outbound/store/refund-usage";
import { settleSend } from "../outbound/store/settle-send";
import { reasons } from "../reasons";
import { TENANT, tenantSql } from "../sql/tenant-sql";
import { usagePeriod } from "../usage/usage-period";
import { findEchoes } from "./echo-fingerprints";
import { rowEchoTarget } from "./match-echo";

/** Claims an unknown send may go through before it is given up as unconfirmed (each resend is one). */
export const MAX_UNCONFIRMED_ATTEMPTS = 4;

async function unusedId(tenantId: string, accountId: string, ids: string[]): Promise<string | undefined> {
  if (ids.length === 0) return undefined;
  const taken = await tenantSql(tenantId).query<{ graphMessageId: string }>`SELECT graphMessageId FROM OutboundMessage
    WHERE tenantId = ${TENANT} AND accountId = ${accountId} AND graphMessageId IN (${ids})`;
  const used = new Set(taken.map((t) => t.graphMessageId));
  return ids.find((id) => !used.has(id));
}

/**
 * The `reconcile-outbound` job, after the grace period: an `unknown` send whose echo arrived
 * (Redis fingerprint, an id no other row holds) is `sent`; otherwise it goes back to `queued`
 * and is sent again — private replies resent into "already replied" become `sent` then
 * (decide-send-error.ts). Bounded: past MAX_UNCONFIRMED_ATTEMPTS the send fails as unconfirmed
 * rather than risk a duplicate forever.
 */
export async function processReconcileOutbound(job: Job, pctx: { log: Logger }): Promise<unknown> {
  const data = ZReconcileOutboundJob.parse(job.data);
  const [row] = await loadSendRows(data.tenantId, { ids: [data.outboundId] });
  if (!row || row.status !== "unknown") return { outcome: "settled_already" };
  const now = Date.now();
  const text = expectedEcho(row.kind, row.content);
  const target = rowEchoTarget(row.kind, row.recipientIgsid, row.content);
  const echoed = text !== undefined && target ? await unusedId(row.tenantId, row.accountId, await findEchoes(row.accountId, target, text)) : undefined;
  if (echoed) {
    await markSent({
      tenantId: row.tenantId,
      outboundId: row.outboundId,
      graphMessageId: echoed,
      at: now,
      latencyMs: null,
      reason: reasons.confirmedByEcho(),
      ...(row.kind === "private_reply" && row.contactId ? { awaitContactId: row.contactId } : {}),
    });
    return { outcome: "sent" };
  }
  const base = { tenantId: row.tenantId, outboundId: row.outboundId, at: now, from: ["unknown"] as const };
  if (row.attempts >= MAX_UNCONFIRMED_ATTEMPTS) {
    await settleSend({ ...base, to: "failed", reason: reasons.unconfirmed(row.attempts - 1) });
    return { outcome: "failed" };
  }
  if (!(await settleSend({ ...base, to: "queued", reason: reasons.noEchoResend() }))) return { outcome: "settled_already" };
  await refundUsage(row.tenantId, row.kind, usagePeriod(row.claimedAt ?? new Date(now)), now);
  const { status: _s, attempts: _a, errorClass: _e, claimedAt: _c, scheduledAt: _t, ...send } = row;
  await requeueSend(send);
  pctx.log.info({ tenantId: row.tenantId, outboundId: row.outboundId }, "no echo for an unclear send; sending it again");
  return { outcome: "resent" };
}

import { GraphApiError, GraphNetworkError, type GraphError } from "@/lib/instagram/graph-errors";
import { metrics } from "@/lib/observability/metrics";
import { cooldown } from "@/lib/outbound/rate-limit";
import { redis } from "@/lib/redis";
import { scheduleReconcile } from "../reconcile/schedule-reconcile";
import { TENANT, tenantSql } from "../sql/tenant-sql";
import { returnUsage } from "../usage/usage-leases";
import { releaseGrants, type SendGrant } from "./acquire-send";
import { coolApp } from "./app-cooldown";
import { decideSendError } from "./decide-send-error";
import { deferJob, withJitter } from "./defer-job";
import { parkSend } from "./park-send";
import { recordGraphUsage } from "./record-graph-usage";
import { requireReconnect } from "./require-reconnect";
import type { SendContext } from "./send-context";
import { markSent } from "./store/mark-sent";
import { settleSend } from "./store/settle-send";

async function previouslyAmbiguous(tenantId: string, outboundId: string): Promise<boolean> {
  const rows = await tenantSql(tenantId).query<{ errorClass: string | null }>`SELECT errorClass FROM OutboundMessage WHERE tenantId = ${TENANT} AND id = ${outboundId}`;
  return rows[0]?.errorClass === "ambiguous";
}

/**
 * A Graph call failed: act on its class (decide-send-error.ts). Every branch leaves the row in
 * a settled state — queued again, unknown, or terminal — and gives the usage reservation back
 * whenever the send did not go out. Only transient errors use BullMQ attempts (rethrown for
 * backoff with jitter); throttles and parked accounts defer without using any.
 */
export async function handleSendFailure(ctx: SendContext, err: GraphError, grant: Extract<SendGrant, { ok: true }>): Promise<unknown> {
  const { data, account, job } = ctx;
  const now = Date.now();
  const c = err.classification;
  const base = { tenantId: data.tenantId, outboundId: data.outboundId, at: now, error: { code: c.code, subcode: c.subcode, class: c.class } };
  const toQueued = async () => {
    if (await settleSend({ ...base, from: ["sending"], to: "queued", reason: c.reason })) returnUsage(data.tenantId, data.kind, ctx.period);
  };
  metrics().sends.inc({ kind: data.kind, outcome: c.class });
  if (err instanceof GraphApiError) await recordGraphUsage(account.id, err.usage);
  // Nothing reached Instagram: its window must not count a call that never happened.
  if (err instanceof GraphNetworkError && err.phase === "before_send") await releaseGrants(account.id, grant.grants);

  const attempts = job.opts.attempts ?? 1;
  const decision = decideSendError({
    classification: c,
    retryAfterMs: err instanceof GraphApiError ? err.retryAfterMs() : undefined,
    finalAttempt: job.attemptsMade + 1 >= attempts,
    attemptsMade: job.attemptsMade + 1,
    previouslyAmbiguous: c.class === "already_replied" ? await previouslyAmbiguous(data.tenantId, data.outboundId) : false,
  });
  ctx.log.debug({ class: c.class, code: c.code, subcode: c.subcode, decision: decision.type }, "send failed");
  switch (decision.type) {
    case "retry":
      await toQueued();
      throw err;
    case "cooldown":
      if (decision.scope === "app") await coolApp(decision.ms, decision.reason);
      else await cooldown(redis(), account.id, decision.ms, decision.reason);
      await toQueued();
      return deferJob(job, ctx.token, Date.now() + withJitter(decision.ms));
    case "reconnect":
      await requireReconnect(account, { code: c.code, subcode: c.subcode, reason: decision.reason }, ctx.log);
      await toQueued();
      return parkSend(job, ctx.token, account.id, data.outboundId);
    case "unknown":
      if (await settleSend({ ...base, from: ["sending"], to: "unknown", reason: decision.reason, error: { ...base.error, class: "ambiguous" } })) {
        await scheduleReconcile({ tenantId: data.tenantId, accountId: account.id, outboundId: data.outboundId, round: job.attemptsMade });
      }
      return { outcome: "unknown" };
    case "sent":
      await markSent({ tenantId: data.tenantId, outboundId: data.outboundId, graphMessageId: null, at: now, latencyMs: null, reason: decision.reason, ...(data.kind === "private_reply" && data.contactId ? { awaitContactId: data.contactId } : {}) });
      return { outcome: "sent_reconciled" };
    case "terminal":
      if (await settleSend({ ...base, from: ["sending"], to: decision.status, reason: decision.reason })) returnUsage(data.tenantId, data.kind, ctx.period);
      if (decision.pauseAccountMs) await cooldown(redis(), account.id, decision.pauseAccountMs, decision.reason);
      if (c.class === "recipient" && data.contactId) {
        await tenantSql(data.tenantId).execute`UPDATE Contact SET unreachable = 1, updatedAt = ${new Date(now)} WHERE tenantId = ${TENANT} AND id = ${data.contactId}`;
      }
      return { outcome: decision.status };
  }
}

import { GraphError } from "@/lib/instagram/graph-errors";
import { metrics } from "@/lib/observability/metrics";
import { reasons } from "../reasons";
import { TENANT, tenantSql } from "../sql/tenant-sql";
import { returnUsage } from "../usage/usage-leases";
import { accountBackoff } from "./account-backoff";
import { acquireSend } from "./acquire-send";
import { currentPart, type TOutboundContent } from "./content";
import { deferToSlot } from "./defer-to-slot";
import { callGraph } from "./graph";
import { handleSendFailure } from "./handle-send-failure";
import { recordGraphUsage } from "./record-graph-usage";
import type { SendContext } from "./send-context";
import { sendWebhook } from "./send-webhook";
import { loadSendRows } from "./store/load-send-rows";
import { markSent } from "./store/mark-sent";
import { markSentBatched } from "./store/mark-sent-batch";
import { settleSend } from "./store/settle-send";

/** Multi-part sends (an image, then the text) resume where they stopped: read the progress. */
async function freshContent(ctx: SendContext): Promise<TOutboundContent> {
  if ((ctx.data.content.parts?.length ?? 0) < 2) return ctx.data.content;
  const [row] = await loadSendRows(ctx.data.tenantId, { ids: [ctx.data.outboundId] });
  return row?.content ?? ctx.data.content;
}

async function sendOutgoingWebhook(ctx: SendContext): Promise<unknown> {
  const { data } = ctx;
  const hook = data.content.webhook;
  const now = Date.now();
  const base = { tenantId: data.tenantId, outboundId: data.outboundId, at: now };
  if (!hook) {
    await settleSend({ ...base, from: ["sending"], to: "failed", reason: reasons.webhookSecretMissing() });
    return { outcome: "failed" };
  }
  const r = await sendWebhook({ tenantId: data.tenantId, automationId: data.automationId, actionIndex: data.actionIndex, outboundId: data.outboundId, ...hook });
  if (r.ok) {
    await markSent({ tenantId: data.tenantId, outboundId: data.outboundId, graphMessageId: null, at: Date.now(), latencyMs: Date.now() - now });
    return { outcome: "sent" };
  }
  const final = ctx.job.attemptsMade + 1 >= (ctx.job.opts.attempts ?? 1);
  if (r.retryable && !final) {
    await settleSend({ ...base, from: ["sending"], to: "queued", reason: r.reason });
    throw new Error(r.reason);
  }
  await settleSend({ ...base, from: ["sending"], to: "failed", reason: r.retryable ? reasons.gaveUp(ctx.job.attemptsMade + 1, r.reason) : r.reason });
  return { outcome: "failed" };
}

/**
 * The send itself, once this worker owns the row (claimed): take the account's rate slots as
 * the very last step, call Graph, record the outcome. A slot refusal hands the row back and
 * defers the job to a slot of its own in the account's schedule — no polling, no attempt used.
 */
export async function sendClaimed(ctx: SendContext): Promise<unknown> {
  const { data, account } = ctx;
  if (data.kind === "webhook") return sendOutgoingWebhook(ctx);
  let content = await freshContent(ctx);
  for (;;) {
    // The grant is the last step before the request, so its time is the send's time (the
    // limiter's 25 ms margin covers only the request's own way to Meta). A batched claim in
    // between measured 50–200 ms under load: that is why the claim comes first.
    const grant = await acquireSend(account, data.kind, data.content.live);
    if (!grant.ok) {
      accountBackoff.note(account.id, grant.retryAfterMs, grant.reason === "cooldown" ? undefined : grant.cls);
      if (await settleSend({ tenantId: data.tenantId, outboundId: data.outboundId, at: Date.now(), from: ["sending"], to: "queued", uncount: true })) {
        returnUsage(data.tenantId, data.kind, ctx.period);
      }
      return deferToSlot(ctx, grant.retryAfterMs);
    }
    const step = currentPart(content);
    const started = performance.now();
    let id: string | null;
    try {
      const r = await callGraph(account.token, {
        kind: data.kind,
        igUserId: account.igUserId,
        recipientIgsid: data.recipientIgsid,
        commentId: data.commentId,
        part: step?.part,
        text: content.text,
      });
      id = r.id;
      if (r.usage.buc) await recordGraphUsage(account.id, r.usage);
    } catch (err) {
      if (!(err instanceof GraphError)) {
        // Our own failure (a bug, a schema error): hand the row back and let BullMQ retry.
        if (await settleSend({ tenantId: data.tenantId, outboundId: data.outboundId, at: Date.now(), from: ["sending"], to: "queued" })) {
          returnUsage(data.tenantId, data.kind, ctx.period);
        }
        throw err;
      }
      return handleSendFailure({ ...ctx, data: { ...data, content } }, err, grant);
    }
    const latencyMs = Math.round(performance.now() - started);
    const parts = content.parts?.length ?? 0;
    if (step && step.index + 1 < parts) {
      // One part out, more to go: persist the progress before the next call, so a retry resumes.
      content = { ...content, partsSent: step.index + 1 };
      await tenantSql(data.tenantId).execute`UPDATE OutboundMessage SET content = JSON_SET(content, '$.partsSent', ${step.index + 1}), updatedAt = ${new Date()}
        WHERE tenantId = ${TENANT} AND id = ${data.outboundId} AND status = 'sending'`;
      continue;
    }
    await markSentBatched({
      tenantId: data.tenantId,
      outboundId: data.outboundId,
      graphMessageId: id,
      at: Date.now(),
      latencyMs,
      ...(data.kind === "private_reply" && data.contactId ? { awaitContactId: data.contactId } : {}),
    });
    metrics().sends.inc({ kind: data.kind, outcome: "sent" });
    return { outcome: "sent", id };
  }
}

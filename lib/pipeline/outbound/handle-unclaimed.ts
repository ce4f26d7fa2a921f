import { reasons } from "../reasons";
import { scheduleReconcile } from "../reconcile/schedule-reconcile";
import { ensureUsageRow } from "../usage/ensure-usage-row";
import { deferJob, withJitter } from "./defer-job";
import { diagnoseClaim } from "./diagnose-claim";
import type { SendContext } from "./send-context";
import { sendLeaseMs } from "./send-lease";
import { readClaimState } from "./store/read-claim-state";
import { settleSend } from "./store/settle-send";

export type Unclaimed = { outcome: string } | { claimAgain: true };


/**
 * The claim changed nothing: find out why and act on it (diagnose-claim.ts). A stale claim
 * (its worker died mid-send) turns into an unknown outcome to reconcile; a failed condition
 * ends the send as skipped, with the reason; a missing usage row is created and the claim
 * tried again.
 */
export async function handleUnclaimed(ctx: Omit<SendContext, "account"> & { accountId: string }): Promise<Unclaimed> {
  const { data, plan } = ctx;
  const now = Date.now();
  const state = await readClaimState(data.tenantId, data.outboundId, ctx.period);
  const d = diagnoseClaim(state, { kind: data.kind, now, leaseMs: sendLeaseMs(), dmLimit: plan.monthlyDmLimit, replyLimit: plan.monthlyReplyLimit });
  const base = { tenantId: data.tenantId, outboundId: data.outboundId, at: now };
  switch (d.type) {
    case "gone":
    case "done":
    case "in_flight":
      return { outcome: d.type };
    case "no_usage_row":
      await ensureUsageRow(data.tenantId, ctx.period);
      return { claimAgain: true };
    case "skip":
      await settleSend({ ...base, from: ["queued"], to: "skipped", reason: d.reason });
      return { outcome: "skipped" };
    case "stale":
      if (await settleSend({ ...base, from: ["sending"], to: "unknown", reason: reasons.workerStopped(), error: { class: "ambiguous" } })) {
        await scheduleReconcile({ tenantId: data.tenantId, accountId: ctx.accountId, outboundId: data.outboundId, round: state?.attempts ?? 0 });
      }
      return { outcome: "unknown" };
    case "retry":
      return deferJob(ctx.job, ctx.token, now + withJitter(1_000));
  }
}


import type { Job } from "bullmq";
import type { Logger } from "pino";
import { PRIVATE_REPLY_WINDOW_MS } from "@/lib/automations/limits";
import { accountCache } from "../cache/account-cache";
import { tenantPlanCache } from "../cache/tenant-plan-cache";
import { ZSendOutboundJob, type TSendOutboundJob } from "../jobs/send-outbound-job";
import { reasons } from "../reasons";
import { TENANT, tenantSql } from "../sql/tenant-sql";
import { takeUsage } from "../usage/usage-leases";
import { usagePeriod } from "../usage/usage-period";
import { accountBackoff } from "./account-backoff";
import { appCooldownRemaining } from "./app-cooldown";
import { deferJob, withJitter } from "./defer-job";
import { deferToSlot } from "./defer-to-slot";
import { handleUnclaimed } from "./handle-unclaimed";
import { parkSend } from "./park-send";
import { sendClaimed } from "./send-claimed";
import type { SendContext } from "./send-context";
import { claimSends } from "./store/claim-sends";
import { settleSend } from "./store/settle-send";

const skip = async (data: TSendOutboundJob, reason: string) => {
  await settleSend({ tenantId: data.tenantId, outboundId: data.outboundId, at: Date.now(), from: ["queued"], to: "skipped", reason });
  return { outcome: "skipped" };
};

/** The account as it is now; a cached non-active status is re-read before acting on it. */
async function currentAccount(tenantId: string, accountId: string) {
  const cached = await accountCache.get(tenantId, accountId);
  if (cached?.status === "active" && cached.token) return cached;
  accountCache.forget(tenantId, accountId);
  return accountCache.get(tenantId, accountId);
}

/** Hiding a comment waits for the automation's earlier actions on it (a hidden comment can't be replied to). */
async function earlierActionsPending(data: TSendOutboundJob): Promise<boolean> {
  const rows = await tenantSql(data.tenantId).query<{ n: bigint | number }>`SELECT COUNT(*) AS n FROM OutboundMessage
    WHERE tenantId = ${TENANT} AND webhookEventId = ${data.webhookEventId} AND automationId = ${data.automationId}
      AND actionIndex < ${data.actionIndex} AND status IN ('queued', 'sending', 'unknown')`;
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * The `send-outbound` job, the only path to the Graph API (SPEC §5): account and plan from
 * short in-process caches; accounts that cannot send park their sends; sends that cannot
 * succeed end as `skipped` with the reason; then the claim in MySQL (at most one worker
 * anywhere owns the send) with the plan's usage, and the send itself (send-claimed.ts), which
 * takes the account's rate slot as its very last step before the Graph call.
 */
export async function processSendOutbound(job: Job, pctx: { log: Logger; token?: string }): Promise<unknown> {
  const data = ZSendOutboundJob.parse(job.data);
  const account = await currentAccount(data.tenantId, data.accountId);
  if (!account) return skip(data, reasons.accountGone());
  if (account.status === "disconnected") return skip(data, reasons.accountDisconnected(account.username));
  if (account.status !== "active" || !account.token) return parkSend(job, pctx.token, account.id, data.outboundId);
  const plan = await tenantPlanCache.get(data.tenantId);
  if (!plan || plan.status === "deleted") return skip(data, reasons.accountGone());

  const now = Date.now();
  if (data.kind === "private_reply" && data.content.commentAt !== undefined && now - data.content.commentAt > PRIVATE_REPLY_WINDOW_MS) {
    return skip(data, reasons.privateReplyTooOld());
  }
  if (data.kind === "hide_comment" && (await earlierActionsPending(data))) return deferJob(job, pctx.token, now + withJitter(2_000));

  const period = usagePeriod(now);
  const ctx: SendContext = {
    job,
    token: pctx.token,
    // Lazy: the runtime builds the job's child logger only if something is logged.
    get log() {
      return pctx.log;
    },
    data,
    account: { ...account, token: account.token },
    plan,
    period,
  };
  // Meta throttles the whole app: every send waits, unclaimed, until access is regained.
  const appWait = data.kind === "webhook" ? 0 : await appCooldownRemaining(now);
  if (appWait > 0) return deferJob(job, pctx.token, now + withJitter(appWait));
  // The limiter refused this account moments ago: wait without claiming (account-backoff.ts).
  const refused = accountBackoff.remaining(account.id, data.kind, now, data.content.live);
  if (refused > 0) return deferToSlot(ctx, refused);

  for (let tries = 0; tries < 2; tries++) {
    const claimed = await claimSends({ tenantId: data.tenantId, outboundId: data.outboundId, kind: data.kind, ...(data.contactId ? { contactId: data.contactId } : {}) });
    if (!claimed) {
      const u = await handleUnclaimed({ ...ctx, accountId: account.id });
      if ("outcome" in u) return u;
      continue;
    }
    // The row is ours: reserve the plan's quota (usage-leases.ts), or end it as over quota.
    if (!(await takeUsage(data.tenantId, data.kind, period, { dm: plan.monthlyDmLimit, reply: plan.monthlyReplyLimit }))) {
      const reason = data.kind === "public_reply" ? reasons.overReplyQuota(plan.monthlyReplyLimit) : reasons.overDmQuota(plan.monthlyDmLimit);
      await settleSend({ tenantId: data.tenantId, outboundId: data.outboundId, at: Date.now(), from: ["sending"], to: "skipped", reason, uncount: true });
      return { outcome: "skipped" };
    }
    return sendClaimed(ctx);
  }
  return deferJob(job, pctx.token, Date.now() + withJitter(1_000));
}

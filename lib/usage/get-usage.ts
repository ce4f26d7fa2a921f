import type { TenantContext } from "@/lib/tenancy/context";
import { usagePeriod } from "@/lib/pipeline/usage/usage-period";

function meter(used: number, limit: number) {
  return { used, limit, remaining: Math.max(0, limit - used), percent: limit > 0 ? Math.min(100, Math.round((used / limit) * 1000) / 10) : 100 };
}

/**
 * This month's metered sends against the plan. A private reply lands in the person's inbox,
 * so it counts as a DM against the plan's message allowance; public comment replies have
 * their own. Read from the primary: the counters are incremented as sends are claimed, and a
 * lagging replica would show a quota as further from its end than it is.
 */
export async function getUsage(ctx: TenantContext, now = new Date()) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const period = { key: usagePeriod(now), start, end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)) };
  const [plan, counter, subscription] = await Promise.all([
    ctx.db.plan.findUnique({ where: { id: ctx.tenant.planId }, select: { key: true, name: true, monthlyDmLimit: true, monthlyReplyLimit: true } }),
    ctx.db.usageCounter.findUnique({ where: { tenantId_period: { tenantId: ctx.tenant.id, period: period.key } } }),
    ctx.db.subscription.findUnique({ where: { tenantId: ctx.tenant.id }, select: { status: true, currentPeriodEnd: true, cancelAt: true } }),
  ]);
  if (!plan) throw new Error(`plan ${ctx.tenant.planId} missing`);
  const dms = counter?.dmsSent ?? 0;
  const privateReplies = counter?.privateReplies ?? 0;
  const publicReplies = counter?.publicReplies ?? 0;
  return {
    period: period.key,
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    plan: { key: plan.key, name: plan.name },
    subscription: subscription
      ? { status: subscription.status, renewsAt: subscription.currentPeriodEnd.toISOString(), cancelAt: subscription.cancelAt?.toISOString() ?? null }
      : null,
    counts: { dms, privateReplies, publicReplies },
    limits: {
      /** DMs and private replies together. */
      messages: meter(dms + privateReplies, plan.monthlyDmLimit),
      publicReplies: meter(publicReplies, plan.monthlyReplyLimit),
    },
  };
}

import { ApiError } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/tenancy/context";

/**
 * The plan's account limit counts every account that is not disconnected: a paused or
 * reconnect_required account still holds its slot, so reconnecting it needs no new one.
 */
export async function assertAccountSlot(ctx: Pick<TenantContext, "db" | "tenant">): Promise<void> {
  const plan = await ctx.db.plan.findUnique({ where: { id: ctx.tenant.planId }, select: { name: true, accountLimit: true } });
  if (!plan) throw new Error(`plan ${ctx.tenant.planId} missing`);
  const held = await ctx.db.instagramAccount.count({ where: { status: { not: "disconnected" } } });
  if (held >= plan.accountLimit) {
    const s = plan.accountLimit === 1 ? "" : "s";
    throw new ApiError("plan_limit_reached", `The ${plan.name} plan allows ${plan.accountLimit} connected Instagram account${s}. Disconnect one first.`);
  }
}

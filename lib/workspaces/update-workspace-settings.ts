import { ApiError } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import type { TWorkspaceSettings } from "./schemas";

/**
 * Time zone (active hours are evaluated in it) and how long activity is kept. Retention can be
 * shortened freely but never set beyond what the plan includes. Audited, like every settings change.
 */
export async function updateWorkspaceSettings(ctx: TenantContext, input: TWorkspaceSettings) {
  const plan = await ctx.db.plan.findUnique({ where: { id: ctx.tenant.planId }, select: { name: true, retentionDays: true } });
  if (plan && input.retentionDays > plan.retentionDays) {
    throw new ApiError("validation_failed", `The ${plan.name} plan keeps activity for at most ${plan.retentionDays} days.`, {
      errors: [{ path: "retentionDays", code: "too_big", message: `At most ${plan.retentionDays} days on the ${plan.name} plan` }],
    });
  }
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { timezone: true, retentionDays: true } });
    const after = await tx.tenant.update({ where: { id: ctx.tenant.id }, data: input, select: { timezone: true, retentionDays: true } });
    if (before.timezone !== after.timezone || before.retentionDays !== after.retentionDays) {
      await tx.auditLog.create({
        data: { tenantId: ctx.tenant.id, ...auditActor(ctx), action: "workspace.settings_changed", targetType: "workspace", targetId: ctx.tenant.id, metadata: { before, after } },
      });
    }
    ctx.log.info(after, "workspace settings changed");
    return after;
  });
}

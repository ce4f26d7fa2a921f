import { ApiError, notFound } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import type { TCreateAutomation } from "../schema";
import { armNextPost } from "../next-post";
import { refreshAutomationCache } from "./refresh-automation-cache";
import { definitionWarnings, presentAutomation } from "./present-automation";

/**
 * Creates an automation on one of the workspace's accounts. The definition arrives already
 * validated by the engine's schema (errors are 422s); what is merely risky comes back as
 * `warnings` for the builder.
 */
export async function createAutomation(ctx: TenantContext, input: TCreateAutomation) {
  const [account, plan, existing] = await Promise.all([
    ctx.db.instagramAccount.findUnique({ where: { id: input.accountId }, select: { id: true } }),
    ctx.db.plan.findUnique({ where: { id: ctx.tenant.planId }, select: { name: true, automationLimit: true } }),
    ctx.db.automation.count({ where: { deletedAt: null } }),
  ]);
  if (!account) throw notFound("No such Instagram account in this workspace.");
  if (plan && existing >= plan.automationLimit) {
    throw new ApiError("plan_limit_reached", `The ${plan.name} plan allows ${plan.automationLimit} automations; delete one or upgrade.`);
  }
  const def = input.definition;
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await tx.automation.create({
      data: {
        tenantId: ctx.tenant.id,
        accountId: account.id,
        name: input.name,
        status: input.status,
        priority: input.priority,
        triggerType: def.trigger.type,
        trigger: armNextPost(def.trigger, { activating: input.status === "active", now: Date.now(), explicit: true }),
        conditions: def.conditions,
        actions: def.actions,
        createdById: ctx.user?.id ?? null,
      },
    });
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: "automation.created",
        targetType: "automation",
        targetId: created.id,
        metadata: { name: created.name, accountId: created.accountId, status: created.status, version: created.version },
      },
    });
    return created;
  });
  await refreshAutomationCache(ctx, row.accountId);
  ctx.log.info({ automationId: row.id, accountId: row.accountId }, "automation created");
  return { automation: presentAutomation(row), warnings: definitionWarnings(def) };
}

import { notFound } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { refreshAutomationCache } from "./refresh-automation-cache";

/**
 * Soft delete: the row stays so the activity log keeps naming what answered whom. It is also
 * paused, so no reader that forgets `deletedAt` can ever fire it again.
 */
export async function deleteAutomation(ctx: TenantContext, automationId: string): Promise<void> {
  const accountId = await ctx.db.$transaction(async (tx) => {
    const current = await tx.automation.findFirst({ where: { id: automationId, deletedAt: null }, select: { id: true, accountId: true, name: true, status: true, version: true } });
    if (!current) throw notFound("No such automation in this workspace.");
    const { count } = await tx.automation.updateMany({
      where: { id: current.id, deletedAt: null },
      data: { deletedAt: new Date(), status: "paused", version: { increment: 1 } },
    });
    if (count === 0) throw notFound("No such automation in this workspace.");
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: "automation.deleted",
        targetType: "automation",
        targetId: current.id,
        metadata: { name: current.name, statusBefore: current.status, version: current.version + 1 },
      },
    });
    return current.accountId;
  });
  await refreshAutomationCache(ctx, accountId);
  ctx.log.info({ automationId }, "automation deleted");
}

import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { presentWorkspace, WORKSPACE_SELECT, type PresentedWorkspace } from "./present-workspace";
import { ZRenameWorkspace } from "./schemas";

/** Renames the workspace; its slug (and so every URL) stays as it is. */
export async function renameWorkspace(ctx: TenantContext, input: unknown): Promise<PresentedWorkspace> {
  const { name } = ZRenameWorkspace.parse(input);
  const row = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.tenant.update({ where: { id: ctx.tenant.id }, data: { name }, select: WORKSPACE_SELECT });
    if (ctx.tenant.name !== name) {
      await tx.auditLog.create({
        data: {
          tenantId: ctx.tenant.id,
          ...auditActor(ctx),
          action: "workspace.renamed",
          targetType: "workspace",
          targetId: ctx.tenant.id,
          metadata: { from: ctx.tenant.name, to: name },
        },
      });
    }
    return updated;
  });
  ctx.log.info({ name }, "workspace renamed");
  return presentWorkspace(row, ctx.role);
}

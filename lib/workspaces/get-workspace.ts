import type { TenantContext } from "@/lib/tenancy/context";
import { presentWorkspace, WORKSPACE_SELECT, type PresentedWorkspace } from "./present-workspace";

export async function getWorkspace(ctx: TenantContext): Promise<PresentedWorkspace> {
  const row = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: WORKSPACE_SELECT });
  return presentWorkspace(row, ctx.role);
}

import { notFound } from "@/lib/api/errors";
import type { UserTenantContext } from "@/lib/tenancy/context";
import { removeMember } from "./remove-member";

/** The signed-in member leaves the workspace (refused for its last owner). */
export async function leaveWorkspace(ctx: UserTenantContext): Promise<void> {
  const me = await ctx.db.membership.findUnique({ where: { tenantId_userId: { tenantId: ctx.tenant.id, userId: ctx.user.id } }, select: { id: true } });
  if (!me) throw notFound();
  await removeMember(ctx, me.id);
}

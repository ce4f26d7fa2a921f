import { ApiError, notFound } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";

/** Revokes an open invitation (idempotent); its link stops working at once. */
export async function revokeInvitation(ctx: TenantContext, invitationId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id: invitationId } });
    if (!inv) throw notFound("No such invitation in this workspace.");
    if (inv.acceptedAt) throw new ApiError("conflict", "This invitation was already accepted; remove the member instead.");
    if (inv.revokedAt) return;
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: inv.id,
        metadata: { email: inv.email, role: inv.role },
      },
    });
  });
  ctx.log.info({ invitationId }, "invitation revoked");
}

import { ApiError, notFound } from "@/lib/api/errors";
import { assertUser, can } from "@/lib/tenancy/authorize";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { canManageMember } from "@/lib/tenancy/permissions";

/**
 * Removes a member, or lets a member leave (removing themselves needs no `members.manage`).
 * Access ends with their next request: roles are read per request, never from the session.
 */
export async function removeMember(ctx: TenantContext, memberId: string): Promise<void> {
  assertUser(ctx);
  const actor = ctx.user;
  const left = await ctx.db.$transaction(
    async (tx) => {
      const target = await tx.membership.findUnique({ where: { id: memberId }, include: { user: { select: { email: true } } } });
      if (!target) throw notFound("No such member in this workspace.");
      const self = target.userId === actor.id;
      if (!self && !(can(ctx, "members.manage") && canManageMember(ctx.role, target.role))) {
        throw new ApiError("forbidden", "You can only remove members below your own role.");
      }
      if (target.role === "owner" && (await tx.membership.count({ where: { role: "owner" } })) <= 1) {
        throw new ApiError("last_owner", "The last owner cannot leave or be removed. Make someone else an owner first.");
      }
      await tx.membership.delete({ where: { id: target.id } });
      await tx.auditLog.create({
        data: {
          tenantId: ctx.tenant.id,
          ...auditActor(ctx),
          action: self ? "member.left" : "member.removed",
          targetType: "membership",
          targetId: target.id,
          metadata: { userId: target.userId, email: target.user.email, role: target.role },
        },
      });
      return self;
    },
    { isolationLevel: "Serializable" },
  );
  ctx.log.info({ memberId, left }, left ? "member left" : "member removed");
}

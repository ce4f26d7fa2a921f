import { ApiError, notFound } from "@/lib/api/errors";
import { assertUser } from "@/lib/tenancy/authorize";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { canAssignRole, canManageMember } from "@/lib/tenancy/permissions";
import { MEMBER_INCLUDE, presentMember, type PresentedMember } from "./present-member";
import { ZChangeMemberRole } from "./schemas";

/**
 * Changes a member's role within the rank rules (docs/PERMISSIONS.md). Serializable, so two
 * owners demoting each other at once cannot leave the workspace without one: the loser of
 * the race gets a 409 (lib/api/errors.ts maps the write conflict).
 */
export async function changeMemberRole(ctx: TenantContext, memberId: string, input: unknown): Promise<PresentedMember> {
  assertUser(ctx);
  const { role } = ZChangeMemberRole.parse(input);
  const row = await ctx.db.$transaction(
    async (tx) => {
      const target = await tx.membership.findUnique({ where: { id: memberId }, include: MEMBER_INCLUDE });
      if (!target) throw notFound("No such member in this workspace.");
      if (!canManageMember(ctx.role, target.role)) throw new ApiError("forbidden", "You can only change members below your own role.");
      if (!canAssignRole(ctx.role, role)) throw new ApiError("forbidden", "You cannot give a role above your own.");
      if (target.role === role) return target;
      if (target.role === "owner" && (await tx.membership.count({ where: { role: "owner" } })) <= 1) {
        throw new ApiError("last_owner", "Make someone else an owner first.");
      }
      const updated = await tx.membership.update({ where: { id: target.id }, data: { role }, include: MEMBER_INCLUDE });
      await tx.auditLog.create({
        data: {
          tenantId: ctx.tenant.id,
          ...auditActor(ctx),
          action: "member.role_changed",
          targetType: "membership",
          targetId: target.id,
          metadata: { userId: target.userId, email: target.user.email, from: target.role, to: role },
        },
      });
      return updated;
    },
    { isolationLevel: "Serializable" },
  );
  ctx.log.info({ memberId, role }, "member role changed");
  return presentMember(row);
}

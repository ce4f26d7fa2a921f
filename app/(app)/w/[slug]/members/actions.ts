"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { createInvitation } from "@/lib/members/create-invitation";
import { leaveWorkspace } from "@/lib/members/leave-workspace";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { ZChangeMemberRole, ZCreateInvitation, ZInvitationId, ZMemberId } from "@/lib/members/schemas";
import { tenantAction } from "@/lib/tenancy/tenant-action";

const refresh = (slug: string) => revalidatePath(`/w/${slug}/members`);

export const inviteMemberAction = tenantAction({ permission: "invitations.manage", schema: ZCreateInvitation }, async (ctx, input) => {
  const invitation = await createInvitation(ctx, input);
  refresh(ctx.tenant.slug);
  return invitation.email;
});

export const revokeInvitationAction = tenantAction({ permission: "invitations.manage", schema: ZInvitationId }, async (ctx, { invitationId }) => {
  await revokeInvitation(ctx, invitationId);
  refresh(ctx.tenant.slug);
  return true;
});

export const changeRoleAction = tenantAction(
  { permission: "members.manage", schema: ZMemberId.extend(ZChangeMemberRole.shape) },
  async (ctx, { memberId, role }) => {
    await changeMemberRole(ctx, memberId, { role });
    refresh(ctx.tenant.slug);
    return true;
  },
);

export const removeMemberAction = tenantAction({ permission: "members.manage", schema: ZMemberId }, async (ctx, { memberId }) => {
  await removeMember(ctx, memberId);
  refresh(ctx.tenant.slug);
  return true;
});

export const leaveWorkspaceAction = tenantAction({ permission: "workspace.read", schema: z.object({}) }, async (ctx) => {
  await leaveWorkspace(ctx);
  redirect("/workspaces");
});

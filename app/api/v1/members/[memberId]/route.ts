import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { ZChangeMemberRole, ZMemberId } from "@/lib/members/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// PATCH /api/v1/members/{memberId} – change the member's role
export const PATCH = withTenantApi({ permission: "members.manage", params: ZMemberId, body: ZChangeMemberRole }, async (ctx, { params, body }) =>
  changeMemberRole(ctx, params.memberId, body),
);

// DELETE /api/v1/members/{memberId} – remove the member
export const DELETE = withTenantApi({ permission: "members.manage", params: ZMemberId, status: 204 }, async (ctx, { params }) => {
  await removeMember(ctx, params.memberId);
  return null;
});

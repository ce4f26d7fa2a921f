import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { ZInvitationId } from "@/lib/members/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// DELETE /api/v1/invitations/{invitationId} – revoke
export const DELETE = withTenantApi({ permission: "invitations.manage", params: ZInvitationId, status: 204 }, async (ctx, { params }) => {
  await revokeInvitation(ctx, params.invitationId);
  return null;
});

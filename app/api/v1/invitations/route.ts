import { ZPageQuery } from "@/lib/api/pagination";
import { createInvitation } from "@/lib/members/create-invitation";
import { listInvitations } from "@/lib/members/list-invitations";
import { ZCreateInvitation } from "@/lib/members/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/invitations – open invitations
export const GET = withTenantApi({ permission: "invitations.read", query: ZPageQuery }, async (ctx, { query }) => listInvitations(ctx, query));

// POST /api/v1/invitations – invite someone by email (the link goes by email only)
export const POST = withTenantApi({ permission: "invitations.manage", body: ZCreateInvitation, status: 201 }, async (ctx, { body }) =>
  createInvitation(ctx, body),
);

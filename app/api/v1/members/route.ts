import { ZPageQuery } from "@/lib/api/pagination";
import { listMembers } from "@/lib/members/list-members";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/members – the workspace's members, in the order they joined
export const GET = withTenantApi({ permission: "members.read", query: ZPageQuery }, async (ctx, { query }) => listMembers(ctx, query));

import { ZPageQuery } from "@/lib/api/pagination";
import { listAccounts } from "@/lib/instagram/connect/list-accounts";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/accounts – the workspace's Instagram accounts: status, token expiry, webhook fields, limits (never a token)
export const GET = withTenantApi({ permission: "accounts.read", query: ZPageQuery }, async (ctx, { query }) => listAccounts(ctx, query));

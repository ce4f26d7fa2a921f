import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { ZCreateApiKey } from "@/lib/api-keys/schemas";
import { ZPageQuery } from "@/lib/api/pagination";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/api-keys – keys of the workspace (never the secrets)
export const GET = withTenantApi({ permission: "apiKeys.read", query: ZPageQuery }, async (ctx, { query }) => listApiKeys(ctx, query));

// POST /api/v1/api-keys – create one; the response is the only place the key ever appears
export const POST = withTenantApi({ permission: "apiKeys.manage", body: ZCreateApiKey, status: 201 }, async (ctx, { body }) =>
  createApiKey(ctx, body),
);

import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { ZApiKeyId } from "@/lib/api-keys/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// DELETE /api/v1/api-keys/{apiKeyId} – revoke; the key stops working at once
export const DELETE = withTenantApi({ permission: "apiKeys.manage", params: ZApiKeyId, status: 204 }, async (ctx, { params }) => {
  await revokeApiKey(ctx, params.apiKeyId);
  return null;
});

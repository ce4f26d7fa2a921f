import { startConnection } from "@/lib/instagram/connect/start-connection";
import { assertUser } from "@/lib/tenancy/authorize";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// POST /api/v1/accounts/connect – start Instagram Login: answers { url, expiresAt }; send the member's browser to `url`
export const POST = withTenantApi({ permission: "accounts.manage" }, async (ctx) => {
  // The callback attaches the account for the member who started it, so a person must start it.
  assertUser(ctx);
  return startConnection(ctx);
});

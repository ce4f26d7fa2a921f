import { disconnectAccount } from "@/lib/instagram/connect/disconnect-account";
import { getAccount } from "@/lib/instagram/connect/get-account";
import { ZAccountId } from "@/lib/instagram/connect/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/accounts/{accountId} – one Instagram account of the workspace
export const GET = withTenantApi({ permission: "accounts.read", params: ZAccountId }, async (ctx, { params }) => getAccount(ctx, params.accountId));

// DELETE /api/v1/accounts/{accountId} – disconnect it: token wiped, webhooks unsubscribed, events dropped; answers the account as it now is
export const DELETE = withTenantApi({ permission: "accounts.manage", params: ZAccountId }, async (ctx, { params }) =>
  disconnectAccount(ctx, params.accountId),
);

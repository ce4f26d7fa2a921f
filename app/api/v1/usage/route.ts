import { withTenantApi } from "@/lib/tenancy/with-tenant-api";
import { getUsage } from "@/lib/usage/get-usage";

// GET /api/v1/usage – this month's DMs, private and public replies against the plan's limits
export const GET = withTenantApi({ permission: "billing.read" }, async (ctx) => getUsage(ctx));

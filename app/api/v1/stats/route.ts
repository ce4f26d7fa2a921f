import { getStats } from "@/lib/activity/get-stats";
import { ZStatsQuery } from "@/lib/activity/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/stats?from=YYYY-MM-DD&to=YYYY-MM-DD[&accountId=&automationId=] – daily series for the overview charts
export const GET = withTenantApi({ permission: "activity.read", query: ZStatsQuery }, async (ctx, { query }) => getStats(ctx, query));

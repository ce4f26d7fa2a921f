import { lookupActivity } from "@/lib/activity/lookup-activity";
import { ZActivityLookupQuery } from "@/lib/activity/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/runs/lookup?username=@ann | ?igsid= | ?commentId= – "why didn't @ann get a DM?": runs, sends and a summary
export const GET = withTenantApi({ permission: "activity.read", query: ZActivityLookupQuery }, async (ctx, { query }) => lookupActivity(ctx, query));

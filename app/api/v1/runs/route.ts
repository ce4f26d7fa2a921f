import { listRuns } from "@/lib/activity/list-runs";
import { ZListRunsQuery } from "@/lib/activity/schemas";
import { withEtag } from "@/lib/activity/with-etag";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/runs – matched/skipped runs with their reasons, newest first; filters: accountId, automationId, outcome, from, to, username, commentId
export const GET = withEtag(withTenantApi({ permission: "activity.read", query: ZListRunsQuery }, async (ctx, { query }) => listRuns(ctx, query)));

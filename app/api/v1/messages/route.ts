import { listMessages } from "@/lib/activity/list-messages";
import { ZListMessagesQuery } from "@/lib/activity/schemas";
import { withEtag } from "@/lib/activity/with-etag";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/messages – every intended send, newest first; filters: accountId, automationId, status, kind, from, to, username, commentId
export const GET = withEtag(withTenantApi({ permission: "activity.read", query: ZListMessagesQuery }, async (ctx, { query }) => listMessages(ctx, query)));

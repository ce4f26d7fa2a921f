import { ZCreateAutomation } from "@/lib/automations/schema";
import { createAutomation } from "@/lib/automations/services/create-automation";
import { listAutomations } from "@/lib/automations/services/list-automations";
import { ZListAutomationsQuery } from "@/lib/automations/services/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/automations – newest first, filter by accountId/status, each with last-7-days counters
export const GET = withTenantApi({ permission: "automations.read", query: ZListAutomationsQuery }, async (ctx, { query }) => listAutomations(ctx, query));

// POST /api/v1/automations – create; definition warnings come back as `warnings`
export const POST = withTenantApi({ permission: "automations.write", body: ZCreateAutomation, status: 201 }, async (ctx, { body }) =>
  createAutomation(ctx, body),
);

import { activateAutomation } from "@/lib/automations/services/activate-automation";
import { ZAutomationId, ZStatusChangeQuery } from "@/lib/automations/services/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// POST /api/v1/automations/{automationId}/activate[?expectedVersion=n] – start answering events
export const POST = withTenantApi({ permission: "automations.write", params: ZAutomationId, query: ZStatusChangeQuery }, async (ctx, { params, query }) =>
  activateAutomation(ctx, params.automationId, query),
);

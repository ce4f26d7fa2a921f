import { pauseAutomation } from "@/lib/automations/services/pause-automation";
import { ZAutomationId, ZStatusChangeQuery } from "@/lib/automations/services/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// POST /api/v1/automations/{automationId}/pause[?expectedVersion=n] – stop answering new events
export const POST = withTenantApi({ permission: "automations.write", params: ZAutomationId, query: ZStatusChangeQuery }, async (ctx, { params, query }) =>
  pauseAutomation(ctx, params.automationId, query),
);

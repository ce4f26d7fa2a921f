import { ZTestAutomation } from "@/lib/automations/services/schemas";
import { testAutomation } from "@/lib/automations/services/test-automation";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// POST /api/v1/automations/test – which automation would answer this comment or DM, and why; sends nothing
export const POST = withTenantApi({ permission: "automations.read", body: ZTestAutomation }, async (ctx, { body }) => testAutomation(ctx, body));

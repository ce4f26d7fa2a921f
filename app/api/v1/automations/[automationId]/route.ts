import { ZUpdateAutomation } from "@/lib/automations/schema";
import { deleteAutomation } from "@/lib/automations/services/delete-automation";
import { getAutomation } from "@/lib/automations/services/get-automation";
import { ZAutomationId } from "@/lib/automations/services/schemas";
import { updateAutomation } from "@/lib/automations/services/update-automation";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/automations/{automationId} – with counters and warnings
export const GET = withTenantApi({ permission: "automations.read", params: ZAutomationId }, async (ctx, { params }) => getAutomation(ctx, params.automationId));

// PATCH /api/v1/automations/{automationId} – partial update; `expectedVersion` makes it 409 on a concurrent save
export const PATCH = withTenantApi({ permission: "automations.write", params: ZAutomationId, body: ZUpdateAutomation }, async (ctx, { params, body }) =>
  updateAutomation(ctx, params.automationId, body),
);

// DELETE /api/v1/automations/{automationId} – soft delete; it stops firing at once
export const DELETE = withTenantApi({ permission: "automations.write", params: ZAutomationId, status: 204 }, async (ctx, { params }) => {
  await deleteAutomation(ctx, params.automationId);
  return null;
});

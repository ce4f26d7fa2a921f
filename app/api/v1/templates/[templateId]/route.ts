import { withTenantApi } from "@/lib/tenancy/with-tenant-api";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { getTemplate } from "@/lib/templates/get-template";
import { ZTemplateId, ZUpdateTemplate } from "@/lib/templates/schemas";
import { updateTemplate } from "@/lib/templates/update-template";

// GET /api/v1/templates/{templateId}
export const GET = withTenantApi({ permission: "templates.read", params: ZTemplateId }, async (ctx, { params }) => getTemplate(ctx, params.templateId));

// PATCH /api/v1/templates/{templateId} – rename and/or replace the content
export const PATCH = withTenantApi({ permission: "templates.write", params: ZTemplateId, body: ZUpdateTemplate }, async (ctx, { params, body }) =>
  updateTemplate(ctx, params.templateId, body),
);

// DELETE /api/v1/templates/{templateId}
export const DELETE = withTenantApi({ permission: "templates.write", params: ZTemplateId, status: 204 }, async (ctx, { params }) => {
  await deleteTemplate(ctx, params.templateId);
  return null;
});

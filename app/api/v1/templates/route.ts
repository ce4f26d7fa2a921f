import { withTenantApi } from "@/lib/tenancy/with-tenant-api";
import { createTemplate } from "@/lib/templates/create-template";
import { listTemplates } from "@/lib/templates/list-templates";
import { ZCreateTemplate, ZListTemplatesQuery } from "@/lib/templates/schemas";

// GET /api/v1/templates[?q=name-prefix] – newest first
export const GET = withTenantApi({ permission: "templates.read", query: ZListTemplatesQuery }, async (ctx, { query }) => listTemplates(ctx, query));

// POST /api/v1/templates – names are unique per workspace (409 otherwise)
export const POST = withTenantApi({ permission: "templates.write", body: ZCreateTemplate, status: 201 }, async (ctx, { body }) => createTemplate(ctx, body));

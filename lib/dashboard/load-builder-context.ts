import { ZMessageContent } from "@/lib/automations/schema";
import type { TenantContext } from "@/lib/tenancy/context";
import { listTemplates } from "@/lib/templates/list-templates";

/** What the builder needs besides the automation: accounts to pick from, templates to insert, the clock for active hours. */
export async function loadBuilderContext(ctx: TenantContext) {
  const [accounts, templates, tenant] = await Promise.all([
    ctx.read.instagramAccount.findMany({ where: { status: { not: "disconnected" } }, orderBy: { createdAt: "asc" }, select: { id: true, username: true, status: true } }),
    listTemplates(ctx, { limit: 100 }),
    ctx.read.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { timezone: true } }),
  ]);
  return {
    accounts,
    timezone: tenant.timezone,
    // Only templates that still parse as message content can be inserted into a DM step.
    templates: templates.data.flatMap((t) => {
      const content = ZMessageContent.safeParse(t.content);
      return content.success ? [{ id: t.id, name: t.name, content: content.data }] : [];
    }),
  };
}

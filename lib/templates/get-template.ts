import { notFound } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/tenancy/context";
import { presentTemplate, templateWarnings } from "./present-template";

export async function getTemplate(ctx: TenantContext, templateId: string) {
  const row = await ctx.db.template.findUnique({ where: { id: templateId } });
  if (!row) throw notFound("No such template in this workspace.");
  return { template: presentTemplate(row), warnings: templateWarnings(row.content) };
}

import { notFound } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/db";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { duplicateName } from "./duplicate-name";
import { presentTemplate, templateWarnings } from "./present-template";
import type { TUpdateTemplate } from "./schemas";

/** Renames and/or replaces the content; automations that copied it earlier keep their copy. */
export async function updateTemplate(ctx: TenantContext, templateId: string, input: TUpdateTemplate) {
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const current = await tx.template.findUnique({ where: { id: templateId }, select: { id: true, name: true } });
      if (!current) throw notFound("No such template in this workspace.");
      const updated = await tx.template.update({
        where: { id: current.id },
        data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.content !== undefined ? { content: input.content } : {}) },
      });
      await tx.auditLog.create({
        data: {
          tenantId: ctx.tenant.id,
          ...auditActor(ctx),
          action: "template.updated",
          targetType: "template",
          targetId: current.id,
          metadata: { name: { from: current.name, to: updated.name }, contentChanged: input.content !== undefined },
        },
      });
      return updated;
    });
    return { template: presentTemplate(row), warnings: templateWarnings(row.content) };
  } catch (err) {
    if (isUniqueViolation(err) && input.name !== undefined) throw duplicateName(input.name);
    throw err;
  }
}

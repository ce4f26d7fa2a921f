import { isUniqueViolation } from "@/lib/db";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { duplicateName } from "./duplicate-name";
import { presentTemplate, templateWarnings } from "./present-template";
import type { TCreateTemplate } from "./schemas";

/** Names are unique per workspace (a unique index decides, so two concurrent creates cannot both win). */
export async function createTemplate(ctx: TenantContext, input: TCreateTemplate) {
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.template.create({ data: { tenantId: ctx.tenant.id, name: input.name, content: input.content } });
      await tx.auditLog.create({
        data: { tenantId: ctx.tenant.id, ...auditActor(ctx), action: "template.created", targetType: "template", targetId: created.id, metadata: { name: created.name } },
      });
      return created;
    });
    return { template: presentTemplate(row), warnings: templateWarnings(input.content) };
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(input.name);
    throw err;
  }
}

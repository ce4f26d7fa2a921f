import { notFound } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";

/** Automations hold copies of template content, not references, so deleting one breaks nothing. */
export async function deleteTemplate(ctx: TenantContext, templateId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.template.findUnique({ where: { id: templateId }, select: { id: true, name: true } });
    if (!current) throw notFound("No such template in this workspace.");
    await tx.template.delete({ where: { id: current.id } });
    await tx.auditLog.create({
      data: { tenantId: ctx.tenant.id, ...auditActor(ctx), action: "template.deleted", targetType: "template", targetId: current.id, metadata: { name: current.name } },
    });
  });
}

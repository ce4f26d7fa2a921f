import { notFound } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";

/** Revokes a key at once (idempotent); its next request is a 401. The row stays for the audit trail. */
export async function revokeApiKey(ctx: TenantContext, apiKeyId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: apiKeyId }, select: { id: true, prefix: true, revokedAt: true } });
    if (!key) throw notFound("No such API key in this workspace.");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: key.id,
        metadata: { prefix: key.prefix },
      },
    });
  });
  ctx.log.info({ apiKeyId }, "API key revoked");
}

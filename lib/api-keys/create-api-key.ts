import { ApiError } from "@/lib/api/errors";
import { can } from "@/lib/tenancy/authorize";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { generateApiKey } from "./key-format";
import { presentApiKey, type PresentedApiKey } from "./present-api-key";
import { ZCreateApiKey } from "./schemas";

/** Creates a key and returns it in full — the only time it is ever available. */
export async function createApiKey(ctx: TenantContext, input: unknown): Promise<{ apiKey: PresentedApiKey; key: string }> {
  const data = ZCreateApiKey.parse(input);
  // Nobody hands a key more than they hold themselves.
  const notHeld = data.scopes.filter((s) => !can(ctx, s));
  if (notHeld.length) throw new ApiError("forbidden", `You cannot grant scopes you do not hold: ${notHeld.join(", ")}.`);
  const { key, prefix, hashedKey } = generateApiKey();
  const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { tenantId: ctx.tenant.id, name: data.name, prefix, hashedKey, scopes: data.scopes, createdById: ctx.user?.id ?? null, expiresAt },
    });
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: "api_key.created",
        targetType: "api_key",
        targetId: created.id,
        metadata: { name: data.name, prefix, scopes: data.scopes, expiresAt: expiresAt?.toISOString() ?? null },
      },
    });
    return created;
  });
  ctx.log.info({ apiKeyId: row.id, prefix }, "API key created");
  return { apiKey: presentApiKey(row), key };
}

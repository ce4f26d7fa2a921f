"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { ZApiKeyId, ZCreateApiKey } from "@/lib/api-keys/schemas";
import { tenantAction } from "@/lib/tenancy/tenant-action";

export const createApiKeyAction = tenantAction({ permission: "apiKeys.manage", schema: ZCreateApiKey }, async (ctx, input) => {
  const { apiKey, key } = await createApiKey(ctx, input);
  revalidatePath(`/w/${ctx.tenant.slug}/api-keys`);
  return { name: apiKey.name, key };
});

export const revokeApiKeyAction = tenantAction({ permission: "apiKeys.manage", schema: ZApiKeyId }, async (ctx, { apiKeyId }) => {
  await revokeApiKey(ctx, apiKeyId);
  revalidatePath(`/w/${ctx.tenant.slug}/api-keys`);
  return true;
});

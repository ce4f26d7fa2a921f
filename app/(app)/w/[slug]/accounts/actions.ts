"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { disconnectAccount } from "@/lib/instagram/connect/disconnect-account";
import { ZAccountId } from "@/lib/instagram/connect/schemas";
import { startConnection } from "@/lib/instagram/connect/start-connection";
import { tenantAction } from "@/lib/tenancy/tenant-action";

/** Sends the browser to Instagram's consent page; it comes back through /api/instagram/callback. */
export const connectAccountAction = tenantAction({ permission: "accounts.manage", schema: z.object({}) }, async (ctx) => {
  const { url } = await startConnection(ctx);
  redirect(url);
});

export const disconnectAccountAction = tenantAction({ permission: "accounts.manage", schema: ZAccountId }, async (ctx, { accountId }) => {
  const account = await disconnectAccount(ctx, accountId);
  revalidatePath(`/w/${ctx.tenant.slug}/accounts`);
  return account.username;
});

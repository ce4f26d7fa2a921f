import { notFound } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/tenancy/context";
import { ACCOUNT_SELECT, presentAccount, type PresentedAccount } from "./present-account";

/** One account of the workspace; another workspace's id is a 404 like an unknown one. */
export async function getAccount(ctx: TenantContext, accountId: string): Promise<PresentedAccount> {
  // The primary, like the list: status changes must show the moment they are made.
  const row = await ctx.db.instagramAccount.findUnique({ where: { id: accountId }, select: ACCOUNT_SELECT });
  if (!row) throw notFound("No such Instagram account in this workspace.");
  return presentAccount(row);
}

import { afterCursor, orderBy, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import type { TenantContext } from "@/lib/tenancy/context";
import { ACCOUNT_SELECT, presentAccount, type PresentedAccount } from "./present-account";

/** The workspace's Instagram accounts, oldest connection first, disconnected ones included. */
export async function listAccounts(ctx: TenantContext, page: TPageQuery): Promise<Page<PresentedAccount>> {
  // The primary: this list is what people look at right after connecting or disconnecting.
  const rows = await ctx.db.instagramAccount.findMany({
    where: afterCursor(page.cursor),
    orderBy: [...orderBy()],
    take: page.limit + 1,
    select: ACCOUNT_SELECT,
  });
  return toPage(rows, page.limit, presentAccount);
}

import { afterCursor, orderBy, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import type { TenantContext } from "@/lib/tenancy/context";
import { presentApiKey, type PresentedApiKey } from "./present-api-key";

/** Newest first, revoked ones included (their history matters when auditing). */
export async function listApiKeys(ctx: TenantContext, page: TPageQuery): Promise<Page<PresentedApiKey>> {
  const rows = await ctx.db.apiKey.findMany({
    where: afterCursor(page.cursor, "desc"),
    orderBy: [...orderBy("desc")],
    take: page.limit + 1,
  });
  return toPage(rows, page.limit, (r) => presentApiKey(r));
}

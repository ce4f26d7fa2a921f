import { afterCursor, orderBy, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import type { TenantContext } from "@/lib/tenancy/context";
import { MEMBER_INCLUDE, presentMember, type PresentedMember } from "./present-member";

/** Members in the order they joined. */
export async function listMembers(ctx: TenantContext, page: TPageQuery): Promise<Page<PresentedMember>> {
  const rows = await ctx.db.membership.findMany({
    where: afterCursor(page.cursor),
    orderBy: [...orderBy()],
    take: page.limit + 1,
    include: MEMBER_INCLUDE,
  });
  return toPage(rows, page.limit, presentMember);
}

import { afterCursor, orderBy, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import type { TenantContext } from "@/lib/tenancy/context";
import { presentInvitation, type PresentedInvitation } from "./present-invitation";

/** Open invitations (pending or expired), oldest first; accepted and revoked ones live in the audit log. */
export async function listInvitations(ctx: TenantContext, page: TPageQuery): Promise<Page<PresentedInvitation>> {
  const rows = await ctx.db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, ...afterCursor(page.cursor) },
    orderBy: [...orderBy()],
    take: page.limit + 1,
  });
  const now = new Date();
  return toPage(rows, page.limit, (r) => presentInvitation(r, now));
}

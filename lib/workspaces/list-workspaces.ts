import { afterCursor, orderBy, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import type { Principal } from "@/lib/auth/authenticate-request";
import { primary } from "@/lib/db";
import { presentWorkspace, WORKSPACE_SELECT, type PresentedWorkspace } from "./present-workspace";

/**
 * The workspaces a user belongs to, in the order they joined; for an API key, its own one.
 * Keyed by user across tenants — the one listing that must be — and it only ever returns rows
 * of the caller's own memberships.
 */
export async function listWorkspaces(principal: Principal, page: TPageQuery): Promise<Page<PresentedWorkspace>> {
  if (principal.kind === "apiKey") {
    const row = await primary().tenant.findUniqueOrThrow({ where: { id: principal.tenant.id }, select: WORKSPACE_SELECT });
    return { data: page.cursor ? [] : [presentWorkspace(row, null)], nextCursor: null };
  }
  const rows = await primary().membership.findMany({
    where: { userId: principal.user.id, tenant: { status: { not: "deleted" } }, ...afterCursor(page.cursor) },
    orderBy: [...orderBy()],
    take: page.limit + 1,
    select: { id: true, createdAt: true, role: true, tenant: { select: WORKSPACE_SELECT } },
  });
  return toPage(rows, page.limit, (m) => presentWorkspace(m.tenant, m.role));
}

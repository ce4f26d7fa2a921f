import { primary } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { resolveMembership } from "@/lib/tenancy/resolve-membership";

/**
 * Opens a workspace by its URL slug: the membership (null → 404) and, when it changed, the
 * "last workspace" hint kept on the user row (never in the session token).
 */
export async function switchWorkspace(user: SessionUser, slug: string) {
  const membership = await resolveMembership(user.id, { slug });
  if (membership && user.lastTenantId !== membership.tenant.id) {
    await primary().user.update({ where: { id: user.id }, data: { lastTenantId: membership.tenant.id } });
  }
  return membership;
}

import { primary } from "@/lib/db";
import type { TenantInfo } from "./context";
import type { Role } from "./permissions";

const TENANT_FIELDS = { id: true, slug: true, name: true, planId: true, status: true } as const;

/**
 * A user's membership in one workspace, by id or slug, read fresh on every request: roles are
 * never cached in the session, so a removal or role change applies on the next request.
 * Null for a non-member and for a deleted workspace alike, which callers turn into 404.
 * This and API-key lookup are the only tenancy code that reads across tenants.
 */
export async function resolveMembership(userId: string, workspace: { id: string } | { slug: string }): Promise<{ tenant: TenantInfo; role: Role } | null> {
  const tenant = await primary().tenant.findUnique({
    where: "id" in workspace ? { id: workspace.id } : { slug: workspace.slug },
    select: { ...TENANT_FIELDS, memberships: { where: { userId }, select: { role: true }, take: 1 } },
  });
  const role = tenant?.memberships[0]?.role;
  if (!tenant || !role || tenant.status === "deleted") return null;
  const { memberships: _memberships, ...info } = tenant;
  return { tenant: info, role };
}

/** A workspace by id for jobs, which act as the system; null once deleted. */
export async function loadTenant(tenantId: string): Promise<TenantInfo | null> {
  const tenant = await primary().tenant.findUnique({ where: { id: tenantId }, select: TENANT_FIELDS });
  return tenant && tenant.status !== "deleted" ? tenant : null;
}

import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import type { TenantContext } from "@/lib/tenancy/context";
import { loadTenant } from "@/lib/tenancy/resolve-membership";

/**
 * The ctx for acting as the system inside one workspace from an entry point that is neither a
 * request of a member nor a job (Meta's deauthorize and data-deletion callbacks): the same
 * shape withTenantJob builds, tenant-scoped db included. Null when the workspace is gone.
 */
export async function systemContext(tenantId: string, log: Logger, meta: { ip?: string; userAgent?: string } = {}): Promise<TenantContext | null> {
  const tenant = await loadTenant(tenantId);
  if (!tenant) return null;
  const { db } = getDb(tenant.id);
  const requestId = randomUUID();
  return { tenant, db, read: db, log: log.child({ tenantId, requestId }), requestId, role: null, ...meta };
}

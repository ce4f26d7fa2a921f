import { TENANT, tenantSql } from "../sql/tenant-sql";
import { TtlCache } from "./ttl-cache";

/** A workspace's time zone and plan quotas, cached for a minute (plans change rarely; the claim re-checks usage anyway). */
export type TenantPlan = {
  id: string;
  status: "active" | "suspended" | "deleted";
  timezone: string;
  monthlyDmLimit: number;
  monthlyReplyLimit: number;
};

const cache = new TtlCache<TenantPlan | null>(() => 60_000);

async function load(tenantId: string): Promise<TenantPlan | null> {
  const [t] = await tenantSql(tenantId).query<TenantPlan>`SELECT t.id, t.status, t.timezone, p.monthlyDmLimit, p.monthlyReplyLimit
    FROM Tenant t JOIN Plan p ON p.id = t.planId WHERE t.id = ${TENANT}`;
  return t ?? null;
}

export const tenantPlanCache = {
  get: (tenantId: string) => cache.get(tenantId, () => load(tenantId)),
  forget: (tenantId: string) => cache.delete(tenantId),
};

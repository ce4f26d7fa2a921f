import type { Job } from "bullmq";
import type { z } from "zod";
import { getDb } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import type { TenantContext } from "./context";
import { loadTenant } from "./resolve-membership";

type JobPayload = { tenantId: string };

/**
 * The wrapper for job processors that work inside one workspace: parses the payload (which
 * must name its tenant), loads the tenant and hands the processor the same ctx shape as
 * requests, acting as the system. Workers read from the primary — they run milliseconds after
 * the write that enqueued them — so `read` is the primary too. A job for a deleted workspace
 * completes as skipped instead of failing its attempts.
 */
export function withTenantJob<S extends z.ZodType<JobPayload>, R>(
  schema: S,
  fn: (ctx: TenantContext, data: z.infer<S>, job: Job) => Promise<R>,
): (job: Job, pctx: { log: Logger }) => Promise<R | { skipped: "tenant_not_found" }> {
  return async (job, pctx) => {
    const data = schema.parse(job.data) as z.infer<S>;
    const log = pctx.log.child({ tenantId: data.tenantId });
    const tenant = await loadTenant(data.tenantId);
    if (!tenant) {
      log.warn("workspace no longer exists; skipping the job");
      return { skipped: "tenant_not_found" };
    }
    const { db } = getDb(tenant.id);
    return fn({ tenant, db, read: db, log, requestId: `job:${job.id ?? "?"}`, role: null }, data, job);
  };
}

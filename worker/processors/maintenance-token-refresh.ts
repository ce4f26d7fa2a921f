import { refreshTokenJob, refreshTokensSweep } from "@/lib/instagram/connect/jobs";
import { refreshAccountToken } from "@/lib/instagram/connect/refresh-account-token";
import { sweepTokenRefresh } from "@/lib/instagram/connect/sweep-token-refresh";
import { withTenantJob } from "@/lib/tenancy/with-tenant-job";
import type { JobHandler } from "./registry";

/** Long-lived Instagram tokens: the periodic sweep, and the refresh of one account's token. */
export const tokenRefreshHandlers: Record<string, JobHandler> = {
  [refreshTokensSweep.name]: async (job, { log }) => {
    refreshTokensSweep.schema.parse(job.data);
    return sweepTokenRefresh(log);
  },
  [refreshTokenJob.name]: withTenantJob(refreshTokenJob.schema, async (ctx, data) => ({ outcome: await refreshAccountToken(ctx, data.accountId) })),
};

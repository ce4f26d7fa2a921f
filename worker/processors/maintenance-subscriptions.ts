import { checkAccountSubscription } from "@/lib/instagram/connect/check-account-subscription";
import { checkSubscriptionJob, checkSubscriptionsSweep } from "@/lib/instagram/connect/jobs";
import { sweepSubscriptionChecks } from "@/lib/instagram/connect/sweep-subscription-checks";
import { withTenantJob } from "@/lib/tenancy/with-tenant-job";
import type { JobHandler } from "./registry";

/** Webhook subscriptions: the periodic sweep, and the check (and repair) of one account. */
export const subscriptionHandlers: Record<string, JobHandler> = {
  [checkSubscriptionsSweep.name]: async (job, { log }) => {
    checkSubscriptionsSweep.schema.parse(job.data);
    return sweepSubscriptionChecks(log);
  },
  [checkSubscriptionJob.name]: withTenantJob(checkSubscriptionJob.schema, (ctx, data) => checkAccountSubscription(ctx, data.accountId)),
};

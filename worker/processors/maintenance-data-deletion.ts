import { completeDataDeletion } from "@/lib/instagram/connect/complete-data-deletion";
import { eraseAccountData } from "@/lib/instagram/connect/erase-account-data";
import { dataDeletionSweep, eraseAccountDataJob } from "@/lib/instagram/connect/jobs";
import { sweepDataDeletions } from "@/lib/instagram/connect/sweep-data-deletions";
import { withTenantJob } from "@/lib/tenancy/with-tenant-job";
import type { JobHandler } from "./registry";

const erase = withTenantJob(eraseAccountDataJob.schema, async (ctx, data) => {
  const result = await eraseAccountData(ctx, data.accountId);
  await completeDataDeletion(data.deletionRequestId, result.contactsErased);
  return result;
});

/** Meta data-deletion requests: erasing one account's people, and the sweep that retries lost ones. */
export const dataDeletionHandlers: Record<string, JobHandler> = {
  [eraseAccountDataJob.name]: async (job, pctx) => {
    const result = await erase(job, pctx);
    // A deleted workspace took every row with it: the request is fulfilled.
    if ("skipped" in result) await completeDataDeletion(eraseAccountDataJob.schema.parse(job.data).deletionRequestId, 0);
    return result;
  },
  [dataDeletionSweep.name]: async (job, { log }) => {
    dataDeletionSweep.schema.parse(job.data);
    return sweepDataDeletions(log);
  },
};

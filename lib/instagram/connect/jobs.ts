import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";

/**
 * The maintenance jobs of the Instagram connection (SPEC §2, §7): each a name and a zod payload
 * here, a processor in worker/processors/maintenance-*.ts. Sweeps run on a schedule and fan
 * out one job per account, so one bad account retries alone and every per-account job runs
 * inside its workspace's scope (withTenantJob).
 */
const ZAccountJob = z.object({ tenantId: z.string().min(1).max(32), accountId: z.string().min(1).max(32) });
const ZEmpty = z.object({}).strict();
const HOUR = 3_600_000;

/** Finds tokens due for refresh and enqueues `refreshTokenJob` for each. */
export const refreshTokensSweep = defineJob({ queue: "maintenance", name: "instagram.refresh-tokens", schema: ZEmpty });

export const refreshTokenJob = defineJob({
  queue: "maintenance",
  name: "instagram.refresh-token",
  schema: ZAccountJob,
  // One per account per hour: a sweep repeated within the hour adds nothing.
  jobId: (d) => `refresh-token-${d.accountId}-${Math.floor(Date.now() / HOUR)}`,
});

/** Enqueues `checkSubscriptionJob` for every active account. */
export const checkSubscriptionsSweep = defineJob({ queue: "maintenance", name: "instagram.check-subscriptions", schema: ZEmpty });

export const checkSubscriptionJob = defineJob({
  queue: "maintenance",
  name: "instagram.check-subscription",
  schema: ZAccountJob,
  jobId: (d) => `check-subscription-${d.accountId}-${Math.floor(Date.now() / HOUR)}`,
});

/** Re-encrypts, in batches, every token not under the keyring's current key. */
export const rotateTokenKeysJob = defineJob({
  queue: "maintenance",
  name: "instagram.rotate-token-keys",
  schema: ZEmpty,
  jobId: () => `rotate-token-keys-${Math.floor(Date.now() / HOUR)}`,
});

/** Erases the personal data of one account's contacts for a data-deletion request. */
export const eraseAccountDataJob = defineJob({
  queue: "maintenance",
  name: "instagram.erase-account-data",
  schema: ZAccountJob.extend({ deletionRequestId: z.string().min(1).max(32) }),
  jobId: (d) => `erase-account-data-${d.deletionRequestId}`,
});

/** Re-enqueues erasures whose first enqueue was lost (Redis down when Meta called). */
export const dataDeletionSweep = defineJob({ queue: "maintenance", name: "instagram.data-deletion-sweep", schema: ZEmpty });

/** When each sweep runs (BullMQ job schedulers, upserted at worker boot). */
export const INSTAGRAM_SCHEDULES = [
  { job: refreshTokensSweep, everyMs: 6 * HOUR },
  { job: checkSubscriptionsSweep, everyMs: 12 * HOUR },
  { job: rotateTokenKeysJob, everyMs: 24 * HOUR },
  { job: dataDeletionSweep, everyMs: HOUR / 4 },
] as const;

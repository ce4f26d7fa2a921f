import { queue } from "@/lib/queue/queues";
import { INSTAGRAM_SCHEDULES } from "./jobs";

/**
 * Registers the Instagram connection's recurring jobs (token refresh, subscription re-check,
 * key rotation, data-deletion sweep) as BullMQ job schedulers. Every worker calls it at boot;
 * upsert keeps one schedule per job however many replicas run.
 */
export async function scheduleInstagramMaintenance(): Promise<void> {
  for (const { job, everyMs } of INSTAGRAM_SCHEDULES) {
    await queue("maintenance").upsertJobScheduler(
      job.name,
      { every: everyMs },
      { name: job.name, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
  }
}

import { env } from "@/lib/env";
import { queue } from "@/lib/queue/queues";
import { sweepOutboundJob } from "../jobs/sweep-outbound-job";

/**
 * Registers the pipeline's recurring jobs with BullMQ job schedulers. Every worker calls it at
 * boot; upsert makes that idempotent, so there is one schedule however many replicas run.
 */
export async function scheduleMaintenance(): Promise<void> {
  await queue("maintenance").upsertJobScheduler(
    sweepOutboundJob.name,
    { every: env().OUTBOUND_SWEEP_INTERVAL_MS },
    { name: sweepOutboundJob.name, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
  );
}

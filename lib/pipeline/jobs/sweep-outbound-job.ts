import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";

/** The outbound sweep on the maintenance queue, run by a job scheduler (see schedule-maintenance.ts). */
export const ZSweepOutboundJob = z.object({}).strict();
export type TSweepOutboundJob = z.infer<typeof ZSweepOutboundJob>;

export const sweepOutboundJob = defineJob({
  queue: "maintenance",
  name: "sweep-outbound",
  schema: ZSweepOutboundJob,
});

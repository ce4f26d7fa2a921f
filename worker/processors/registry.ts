import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { QueueName } from "@/lib/queue/queues";

export type ProcessorContext = { log: Logger; token?: string };
export type JobHandler = (job: Job, ctx: ProcessorContext) => Promise<unknown>;

export type QueueProcessors = {
  /** Parallel jobs per process for this queue; sized to the I/O each job does. */
  concurrency: number;
  handlers: Record<string, JobHandler>;
};

/**
 * Which handler serves which job name, per queue. Each later capability registers its jobs
 * here; a job name nobody handles is logged and completed rather than retried forever.
 */
export function buildProcessors(opts: { eventsConcurrency: number; outboundConcurrency: number }): Record<QueueName, QueueProcessors> {
  return {
    events: { concurrency: opts.eventsConcurrency, handlers: {} },
    outbound: { concurrency: opts.outboundConcurrency, handlers: {} },
    maintenance: { concurrency: 2, handlers: {} },
    notifications: { concurrency: 5, handlers: {} },
    reports: { concurrency: 1, handlers: {} },
  };
}

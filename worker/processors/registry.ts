import type { Job } from "bullmq";
import type { Logger } from "pino";
import { processEventJob } from "@/lib/events/process-event-job";
import { processEvent } from "@/lib/pipeline/events/process-event";
import { notifyReconnectJob } from "@/lib/pipeline/jobs/notify-reconnect-job";
import { reconcileOutboundJob } from "@/lib/pipeline/jobs/reconcile-outbound-job";
import { recordEchoJob } from "@/lib/pipeline/jobs/record-echo-job";
import { sendOutboundJob } from "@/lib/pipeline/jobs/send-outbound-job";
import { sweepOutboundJob } from "@/lib/pipeline/jobs/sweep-outbound-job";
import { sweepOutbound } from "@/lib/pipeline/maintenance/sweep-outbound";
import { processNotifyReconnect } from "@/lib/pipeline/notifications/process-notify-reconnect";
import { processSendOutbound } from "@/lib/pipeline/outbound/process-send-outbound";
import { processReconcileOutbound } from "@/lib/pipeline/reconcile/process-reconcile-outbound";
import { processRecordEcho } from "@/lib/pipeline/reconcile/process-record-echo";
import type { QueueName } from "@/lib/queue/queues";
import { dataDeletionHandlers } from "./maintenance-data-deletion";
import { subscriptionHandlers } from "./maintenance-subscriptions";
import { tokenKeyHandlers } from "./maintenance-token-keys";
import { tokenRefreshHandlers } from "./maintenance-token-refresh";

export type ProcessorContext = { log: Logger; token?: string };
export type JobHandler = (job: Job, ctx: ProcessorContext) => Promise<unknown>;

export type QueueProcessors = {
  /** Parallel jobs per process for this queue; sized to the I/O each job does. */
  concurrency: number;
  handlers: Record<string, JobHandler>;
};

/**
 * Which handler serves which job name, per queue. Each handler zod-parses its payload first;
 * a job name nobody handles is logged and completed rather than retried forever.
 */
export function buildProcessors(opts: { eventsConcurrency: number; outboundConcurrency: number }): Record<QueueName, QueueProcessors> {
  return {
    events: {
      concurrency: opts.eventsConcurrency,
      handlers: { [processEventJob.name]: processEvent, [recordEchoJob.name]: processRecordEcho },
    },
    outbound: {
      concurrency: opts.outboundConcurrency,
      handlers: { [sendOutboundJob.name]: processSendOutbound, [reconcileOutboundJob.name]: processReconcileOutbound },
    },
    maintenance: {
      concurrency: 2,
      handlers: { [sweepOutboundJob.name]: sweepOutbound, ...tokenRefreshHandlers, ...subscriptionHandlers, ...tokenKeyHandlers, ...dataDeletionHandlers },
    },
    notifications: { concurrency: 5, handlers: { [notifyReconnectJob.name]: processNotifyReconnect } },
    reports: { concurrency: 1, handlers: {} },
  };
}

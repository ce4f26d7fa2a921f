import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";

/** Tells a workspace's owners that an Instagram account must be reconnected (Graph 190). */
export const ZNotifyReconnectJob = z.object({
  tenantId: z.string().min(1),
  accountId: z.string().min(1),
  reason: z.string().max(500),
});
export type TNotifyReconnectJob = z.infer<typeof ZNotifyReconnectJob>;

export const notifyReconnectJob = defineJob({
  queue: "notifications",
  name: "account-reconnect-needed",
  schema: ZNotifyReconnectJob,
  // One email per account per hour however many sends hit the dead token at once.
  jobId: (d) => `reconnect-${d.accountId}-${Math.floor(Date.now() / 3_600_000)}`,
  options: { attempts: 5, removeOnComplete: { age: 7 * 24 * 3600 } },
});

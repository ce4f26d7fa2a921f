import { queue } from "@/lib/queue/queues";
import { outboundJobId, sendOutboundJob, type TSendOutboundJob } from "../jobs/send-outbound-job";

/**
 * Enqueues a row's send again (resend after an unconfirmed outcome, a lost enqueue, a sweep):
 * an existing job that is still waiting, delayed or running is left alone; one that already
 * completed or failed is removed first, since BullMQ ignores an add under an existing id.
 * Resolves to whether a new job was added.
 */
export async function requeueSend(data: TSendOutboundJob, delayMs = 0): Promise<boolean> {
  const q = queue("outbound");
  const id = outboundJobId(data.outboundId);
  const existing = await q.getJob(id);
  if (existing) {
    const state = await existing.getState();
    if (state !== "completed" && state !== "failed" && state !== "unknown") return false;
    await existing.remove().catch(() => undefined);
  }
  await q.add(sendOutboundJob.name, sendOutboundJob.schema.parse(data), { ...sendOutboundJob.options, jobId: id, ...(delayMs > 0 ? { delay: delayMs } : {}) });
  return true;
}

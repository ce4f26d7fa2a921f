import { queue } from "@/lib/queue/queues";

export type QueueDepth = { waiting: number; active: number; delayed: number; failed: number };
export type PipelineDepth = { events: QueueDepth; outbound: QueueDepth };

const COUNT_TIMEOUT_MS = 1_500;

async function depth(name: "events" | "outbound"): Promise<QueueDepth> {
  const c = await queue(name).getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
  return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
}

/**
 * The BullMQ depth of the two queues a reply goes through, for the overview's pipeline card.
 * Read-only; bounded in time so a slow Redis makes the card say "unknown" instead of holding
 * the page. These queues are shared by every workspace, so the page shows them only as the
 * state of the delivery service, next to the workspace's own backlog counted in MySQL.
 */
export async function loadPipelineDepth(): Promise<PipelineDepth | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), COUNT_TIMEOUT_MS).unref());
  const counts = Promise.all([depth("events"), depth("outbound")]).then(([events, outbound]) => ({ events, outbound }));
  return Promise.race([counts.catch(() => null), timeout]);
}

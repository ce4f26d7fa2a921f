import type { Logger } from "@/lib/logger";
import { queue } from "@/lib/queue/queues";
import { buildProcessors } from "@/worker/processors/registry";

/**
 * Runs the maintenance queue to empty through the worker's real registry, in this process:
 * each waiting job goes to the handler registered for its name (sweeps enqueue per-account
 * jobs, which run in the same drain). Returns the names and results, in order.
 */
export async function drainMaintenance(log: Logger, maxJobs = 200): Promise<{ name: string; data: unknown; result: unknown }[]> {
  const handlers = buildProcessors({ eventsConcurrency: 1, outboundConcurrency: 1 }).maintenance.handlers;
  const q = queue("maintenance");
  const ran: { name: string; data: unknown; result: unknown }[] = [];
  for (let i = 0; i < maxJobs; i++) {
    const [job] = await q.getJobs(["waiting", "prioritized", "delayed"], 0, 0, true);
    if (!job) return ran;
    const handler = handlers[job.name];
    if (!handler) throw new Error(`no maintenance handler for ${job.name}`);
    const result = await handler(job, { log });
    ran.push({ name: job.name, data: job.data, result });
    await job.remove();
  }
  throw new Error(`maintenance queue did not drain within ${maxJobs} jobs`);
}

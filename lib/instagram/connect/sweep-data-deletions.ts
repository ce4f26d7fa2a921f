import { primary } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { eraseAccountDataJob } from "./jobs";

/** Requests younger than this are still in the callback's own hands. */
const GRACE_MS = 5 * 60_000;

/**
 * Re-enqueues the erasure of every request still pending after the grace period: the
 * callback's enqueue may have failed, or the job exhausted its attempts. The job id is the
 * request's, so a job still queued or running is not doubled.
 */
export async function sweepDataDeletions(log: Logger, now = new Date()): Promise<{ enqueued: number }> {
  const pending = await primary().dataDeletionRequest.findMany({
    where: { status: "pending", requestedAt: { lt: new Date(now.getTime() - GRACE_MS) } },
    select: { id: true, tenantId: true, accountId: true },
    orderBy: { requestedAt: "asc" },
    take: 500,
  });
  let enqueued = 0;
  for (const r of pending) {
    if (!r.tenantId || !r.accountId) continue;
    const job = await eraseAccountDataJob.enqueue({ tenantId: r.tenantId, accountId: r.accountId, deletionRequestId: r.id });
    // Adding an id that exists returns the existing job: one that ran out of attempts goes again.
    if (await job.isFailed()) await job.retry("failed");
    enqueued++;
  }
  if (enqueued) log.info({ enqueued }, "pending data deletions re-enqueued");
  return { enqueued };
}

import { env } from "@/lib/env";
import { reconcileOutboundJob } from "../jobs/reconcile-outbound-job";

/**
 * A send's outcome became unknown: check it against echoes once the grace period is over
 * (OUTBOUND_UNKNOWN_GRACE_MS). `round` is the row's attempt count, so each unknown episode
 * gets its own job id and a replayed episode does not schedule twice.
 */
export async function scheduleReconcile(i: { tenantId: string; accountId: string; outboundId: string; round: number }, delayMs = env().OUTBOUND_UNKNOWN_GRACE_MS): Promise<void> {
  await reconcileOutboundJob.enqueue({ ...i, round: Math.min(i.round, 100) }, { delay: delayMs });
}

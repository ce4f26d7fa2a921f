import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";

/**
 * Settles a send whose outcome is unknown: after the grace period its echo either arrived
 * (→ sent) or did not (→ queued again and resent). `round` counts resends of one row.
 */
export const ZReconcileOutboundJob = z.object({
  tenantId: z.string().min(1),
  accountId: z.string().min(1),
  outboundId: z.string().regex(/^\d{1,20}$/),
  round: z.number().int().min(0).max(100),
});
export type TReconcileOutboundJob = z.infer<typeof ZReconcileOutboundJob>;

export const reconcileOutboundJob = defineJob({
  queue: "outbound",
  name: "reconcile-outbound",
  schema: ZReconcileOutboundJob,
  jobId: (d) => `rc-${d.outboundId}-${d.round}`,
  options: { removeOnComplete: true },
});

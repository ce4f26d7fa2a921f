import { createHash } from "node:crypto";
import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";
import { ZInboundEvent } from "./inbound-event";

/** The `events` queue's job: one normalised inbound event, already routed to its workspace. */
export const ZProcessEventJob = z.object({
  tenantId: z.string().min(1),
  accountId: z.string().min(1),
  igUserId: z.string().min(1),
  receivedAt: z.number().int(),
  event: ZInboundEvent,
});
export type TProcessEventJob = z.infer<typeof ZProcessEventJob>;

/**
 * Deterministic job id: the same event delivered five times to two ingest replicas is one job
 * while it exists; afterwards the unique WebhookEvent row makes processing at-most-once.
 * BullMQ ids may not contain ':' (dedupe keys do), so the key is hashed.
 */
export function eventJobId(igUserId: string, dedupeKey: string): string {
  return `ev-${igUserId}-${createHash("sha1").update(dedupeKey).digest("hex")}`;
}

export const processEventJob = defineJob({
  queue: "events",
  name: "process-event",
  schema: ZProcessEventJob,
  jobId: (d) => eventJobId(d.igUserId, d.event.dedupeKey),
});

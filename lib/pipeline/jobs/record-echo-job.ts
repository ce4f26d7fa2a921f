import { createHash } from "node:crypto";
import { z } from "zod";
import { ZOutboundEcho, echoId } from "@/lib/ingest/normalize-echo";
import { defineJob } from "@/lib/queue/define-job";

/** The `events` queue's echo job: one of our own sends coming back, routed to its workspace. */
export const ZRecordEchoJob = z.object({
  tenantId: z.string().min(1),
  accountId: z.string().min(1),
  echo: ZOutboundEcho,
});
export type TRecordEchoJob = z.infer<typeof ZRecordEchoJob>;

/** One job per echoed mid or comment id while it exists (Meta redelivers echoes like anything else). */
export function echoJobId(d: TRecordEchoJob): string {
  return `echo-${d.echo.igUserId}-${createHash("sha1").update(echoId(d.echo)).digest("hex")}`;
}

export const recordEchoJob = defineJob({
  queue: "events",
  name: "record-echo",
  schema: ZRecordEchoJob,
  jobId: echoJobId,
  options: { removeOnComplete: true },
});

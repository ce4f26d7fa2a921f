import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";
import { ZOutboundContent, ZOutboundKind } from "../outbound/content";

/**
 * The `outbound` queue's send job: one OutboundMessage row. The row is the truth (its status
 * decides whether anything happens); the job carries what the row sends so the hot path
 * needs no read before its claim.
 */
export const ZSendOutboundJob = z.object({
  tenantId: z.string().min(1),
  accountId: z.string().min(1),
  outboundId: z.string().regex(/^\d{1,20}$/),
  automationId: z.string().min(1),
  actionIndex: z.number().int().min(0),
  webhookEventId: z.string().regex(/^\d{1,20}$/),
  kind: ZOutboundKind,
  contactId: z.string().optional(),
  recipientIgsid: z.string().optional(),
  commentId: z.string().optional(),
  content: ZOutboundContent,
});
export type TSendOutboundJob = z.infer<typeof ZSendOutboundJob>;

export const outboundJobId = (outboundId: string | bigint) => `ob-${String(outboundId)}`;

export const sendOutboundJob = defineJob({
  queue: "outbound",
  name: "send-outbound",
  schema: ZSendOutboundJob,
  jobId: (d) => outboundJobId(d.outboundId),
  // The row is the record of every send: completed jobs need not stay in Redis, and removing
  // them at once frees the id for a later resend of the same row.
  options: { removeOnComplete: true },
});

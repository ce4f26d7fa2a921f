import type { MessageFields } from "@/lib/db/raw/activity-pages";
type MessageRow = MessageFields & {
  automation: { name: string } | null;
  contact: { username: string | null } | null;
};

/** Claim bookkeeping (claimedBy/claimedAt) and Graph ids are the pipeline's business, not the activity log's. */
export const MESSAGE_SELECT = {
  id: true,
  accountId: true,
  automationId: true,
  runId: true,
  webhookEventId: true,
  actionIndex: true,
  contactId: true,
  kind: true,
  commentId: true,
  content: true,
  status: true,
  attempts: true,
  errorCode: true,
  errorSubcode: true,
  errorClass: true,
  reason: true,
  scheduledAt: true,
  sentAt: true,
  latencyMs: true,
  createdAt: true,
  automation: { select: { name: true } },
  contact: { select: { username: true } },
} as const;

export function presentMessage(m: MessageRow) {
  return {
    id: m.id.toString(),
    accountId: m.accountId,
    automationId: m.automationId,
    automationName: m.automation?.name ?? null,
    runId: m.runId?.toString() ?? null,
    webhookEventId: m.webhookEventId.toString(),
    actionIndex: m.actionIndex,
    contactId: m.contactId,
    contactUsername: m.contact?.username ?? null,
    kind: m.kind,
    commentId: m.commentId,
    content: m.content,
    status: m.status,
    attempts: m.attempts,
    error: m.errorCode === null ? null : { code: m.errorCode, subcode: m.errorSubcode, class: m.errorClass },
    reason: m.reason,
    scheduledAt: m.scheduledAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    latencyMs: m.latencyMs,
    createdAt: m.createdAt.toISOString(),
  };
}
export type PresentedMessage = ReturnType<typeof presentMessage>;

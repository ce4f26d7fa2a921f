import type { RunFields } from "@/lib/db/raw/activity-pages";
/** How an AutomationRun looks to API clients: BIGINT ids as strings (JSON numbers lose precision past 2^53). */
type RunRow = RunFields & {
  automation: { name: string } | null;
  contact: { username: string | null } | null;
};

export const RUN_SELECT = {
  id: true,
  accountId: true,
  webhookEventId: true,
  automationId: true,
  automationVersion: true,
  contactId: true,
  eventKind: true,
  outcome: true,
  reason: true,
  matchedKeyword: true,
  mediaId: true,
  commentId: true,
  createdAt: true,
  automation: { select: { name: true } },
  contact: { select: { username: true } },
} as const;

export function presentRun(r: RunRow) {
  return {
    id: r.id.toString(),
    accountId: r.accountId,
    automationId: r.automationId,
    automationName: r.automation?.name ?? null,
    automationVersion: r.automationVersion,
    contactId: r.contactId,
    contactUsername: r.contact?.username ?? null,
    webhookEventId: r.webhookEventId.toString(),
    eventKind: r.eventKind,
    outcome: r.outcome,
    reason: r.reason,
    matchedKeyword: r.matchedKeyword,
    mediaId: r.mediaId,
    commentId: r.commentId,
    createdAt: r.createdAt.toISOString(),
  };
}
export type PresentedRun = ReturnType<typeof presentRun>;

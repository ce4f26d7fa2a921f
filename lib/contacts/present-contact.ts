import { z } from "zod";

export const WINDOW_MS = 24 * 60 * 60 * 1000;

type Row = {
  id: string;
  accountId: string;
  igsid: string;
  username: string | null;
  name: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  lastInboundAt: Date | null;
  awaitingReply: boolean;
  tags: unknown;
  optedOut: boolean;
  unreachable: boolean;
};

/** Tags as stored (JSON); anything that is not a list of strings reads as no tags. */
export function storedTags(tags: unknown): string[] {
  const parsed = z.array(z.string()).safeParse(tags);
  return parsed.success ? parsed.data : [];
}

export function presentContact(row: Row, now = new Date()) {
  const closesAt = row.lastInboundAt ? new Date(row.lastInboundAt.getTime() + WINDOW_MS) : null;
  return {
    id: row.id,
    accountId: row.accountId,
    igsid: row.igsid,
    username: row.username,
    name: row.name,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    /** Whether a DM can reach them now, and until when: like the send path, an unanswered private reply keeps it shut. */
    windowOpen: closesAt !== null && closesAt > now && !row.awaitingReply,
    windowClosesAt: closesAt && closesAt > now && !row.awaitingReply ? closesAt.toISOString() : null,
    awaitingReply: row.awaitingReply,
    tags: storedTags(row.tags),
    optedOut: row.optedOut,
    unreachable: row.unreachable,
  };
}
export type PresentedContact = ReturnType<typeof presentContact>;

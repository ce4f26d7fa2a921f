import type { TenantContext } from "@/lib/tenancy/context";
import { assertFilterTargets } from "./assert-filter-targets";
import { NEWEST_FIRST } from "./keyset";
import { MESSAGE_SELECT, presentMessage, type PresentedMessage } from "./present-message";
import { presentRun, RUN_SELECT, type PresentedRun } from "./present-run";
import { resolveSubject } from "./resolve-subject";
import type { TActivityLookupQuery } from "./schemas";

const WINDOW_MS = 24 * 60 * 60 * 1000;
const DM_KINDS = new Set(["dm", "private_reply"]);

type ContactFacts = { username: string | null; optedOut: boolean; unreachable: boolean; awaitingReply: boolean; lastInboundAt: Date | null };

function who(q: TActivityLookupQuery): string {
  if (q.username) return `@${q.username}`;
  if (q.igsid) return `user ${q.igsid}`;
  return "the commenter";
}

/** One sentence answering "why didn't they get a DM?", from the newest evidence first. */
export function summarize(q: TActivityLookupQuery, runs: PresentedRun[], messages: PresentedMessage[]): string {
  const person = who(q);
  const dm = messages.find((m) => DM_KINDS.has(m.kind));
  const label = (kind: string) => (kind === "dm" ? "DM" : "private reply");
  if (dm) {
    const when = dm.sentAt ?? dm.createdAt;
    if (dm.status === "sent") return `${person} was sent a ${label(dm.kind)} by "${dm.automationName ?? "a deleted automation"}" at ${when}.`;
    if (dm.status === "queued" || dm.status === "sending") return `A ${label(dm.kind)} to ${person} is waiting to be sent (${dm.status}).`;
    if (dm.status === "unknown") return `A ${label(dm.kind)} to ${person} may have been sent; Instagram's answer was ambiguous and is being checked.`;
    return `The ${label(dm.kind)} to ${person} was ${dm.status}: ${dm.reason ?? "no reason recorded"}.`;
  }
  const run = runs[0];
  if (!run) return `Replyflow received activity from ${person}, but no automation ran for it.`;
  if (run.outcome === "matched") return `"${run.automationName ?? "An automation"}" answered ${person}, but it has no DM step.`;
  return `No DM went to ${person}: ${run.reason}`;
}

function notesFor(contacts: ContactFacts[], now: Date): string[] {
  const notes: string[] = [];
  for (const c of contacts) {
    const name = c.username ? `@${c.username}` : "This person";
    if (c.optedOut) notes.push(`${name} opted out of automated messages.`);
    if (c.unreachable) notes.push(`Instagram reported ${name} as unreachable.`);
    if (c.awaitingReply) notes.push(`${name} got a private reply and hasn't answered yet; Instagram allows no further DMs until they do.`);
    if (!c.lastInboundAt || now.getTime() - c.lastInboundAt.getTime() > WINDOW_MS) {
      notes.push(`${name} hasn't messaged you in the last 24 hours, so only a private reply to a comment can reach them.`);
    }
  }
  return notes;
}

/** "Why didn't @user get a DM?": the runs and sends for one person or one comment, newest first, and a summary. */
export async function lookupActivity(ctx: TenantContext, q: TActivityLookupQuery, now = new Date()) {
  const [, subject] = await Promise.all([assertFilterTargets(ctx.read, q), resolveSubject(ctx.read, q)]);
  if (!subject) {
    const summary = q.commentId
      ? "Replyflow never received this comment: check that the account is connected and subscribed to comments, and that the comment id is right."
      : `Replyflow has no record of ${who(q)}: they haven't commented on or messaged your accounts (or it was longer ago than your data retention).`;
    return { found: false, summary, notes: [], contacts: [], events: [], runs: [], messages: [] };
  }
  const where = { ...(q.accountId ? { accountId: q.accountId } : {}), ...(subject.contactIds ? { contactId: { in: subject.contactIds } } : {}), ...(subject.webhookEventIds ? { webhookEventId: { in: subject.webhookEventIds } } : {}) };
  const [contacts, events, runRows, messageRows] = await Promise.all([
    subject.contactIds
      ? ctx.read.contact.findMany({
          where: { id: { in: subject.contactIds } },
          select: { id: true, accountId: true, igsid: true, username: true, lastInboundAt: true, lastSeenAt: true, optedOut: true, unreachable: true, awaitingReply: true },
        })
      : Promise.resolve([]),
    subject.webhookEventIds
      ? ctx.read.webhookEvent.findMany({ where: { id: { in: subject.webhookEventIds } }, select: { id: true, accountId: true, kind: true, status: true, receivedAt: true, processedAt: true } })
      : Promise.resolve([]),
    ctx.read.automationRun.findMany({ where, orderBy: NEWEST_FIRST, take: q.limit, select: RUN_SELECT }),
    ctx.read.outboundMessage.findMany({ where, orderBy: NEWEST_FIRST, take: q.limit, select: MESSAGE_SELECT }),
  ]);
  const runs = runRows.map(presentRun);
  const messages = messageRows.map(presentMessage);
  return {
    found: true,
    summary: summarize(q, runs, messages),
    notes: notesFor(contacts, now),
    contacts: contacts.map((c) => ({
      ...c,
      lastInboundAt: c.lastInboundAt?.toISOString() ?? null,
      lastSeenAt: c.lastSeenAt.toISOString(),
      windowOpen: c.lastInboundAt !== null && now.getTime() - c.lastInboundAt.getTime() < WINDOW_MS && !c.awaitingReply,
    })),
    events: events.map((e) => ({ ...e, id: e.id.toString(), receivedAt: e.receivedAt.toISOString(), processedAt: e.processedAt?.toISOString() ?? null })),
    runs,
    messages,
  };
}

import { notFound } from "@/lib/api/errors";
import type { TInboundEvent } from "@/lib/events/inbound-event";
import { reasons } from "@/lib/pipeline/reasons";
import type { TenantContext } from "@/lib/tenancy/context";
import { evaluateAutomations, type TAutomationCandidate, type TAutomationEvaluation, type TEvaluationFacts } from "../evaluate";
import { describeAction, explainDecision } from "../explain";
import type { TAction } from "../schema";
import { parseStoredDefinition } from "./present-automation";
import type { TTestAutomation } from "./schemas";

const WINDOW_MS = 24 * 60 * 60 * 1000;
const COMMENT_KINDS = new Set(["comment", "live_comment"]);

type Contact = { id: string; igsid: string; username: string | null; lastInboundAt: Date | null; awaitingReply: boolean; optedOut: boolean };

async function findContact(ctx: TenantContext, accountId: string, input: TTestAutomation): Promise<Contact | null> {
  if (!input.igsid && !input.username) return null;
  return ctx.read.contact.findFirst({
    where: { accountId, ...(input.igsid ? { igsid: input.igsid } : { username: input.username }) },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, igsid: true, username: true, lastInboundAt: true, awaitingReply: true, optedOut: true },
  });
}

function sampleEvent(input: TTestAutomation, igUserId: string, senderId: string, at: Date): TInboundEvent {
  const onComment = COMMENT_KINDS.has(input.kind);
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
  return {
    accountId: igUserId,
    kind: input.kind,
    dedupeKey: "test",
    occurredAt: at.getTime(),
    senderId,
    text: input.text,
    standby: false,
    ...opt("senderUsername", input.username),
    ...opt("mediaId", input.mediaId),
    ...opt("commentId", onComment ? "test-comment" : undefined),
    ...opt("parentCommentId", onComment && input.isReply ? "test-parent-comment" : undefined),
    ...opt("storyId", input.storyId),
    ...opt("payload", input.payload),
    ...opt("referralRef", input.referralRef),
  };
}

/**
 * What the events worker checks around the engine's decision (lib/pipeline/events): it says
 * so in the same words, so the preview doesn't promise a send the log would show as skipped.
 */
function deliveryNotes(account: { username: string; status: string }, contact: Contact | null, actions: readonly TAction[]): string[] {
  const notes: string[] = [];
  if (account.status === "disconnected") notes.push(reasons.accountDisconnected(account.username));
  else if (account.status !== "active") notes.push(`@${account.username} is ${account.status === "paused" ? "paused" : "waiting to be reconnected"}: sends wait until it is active again`);
  if (contact?.optedOut) notes.push(reasons.optedOut(contact.username));
  if (contact?.awaitingReply && actions.some((a) => a.type === "dm")) notes.push(reasons.awaitingReply(contact.username));
  return notes;
}

/**
 * "Test this comment": runs the engine over a sample event against the account's active
 * automations (and the builder's unsaved draft, if any) without writing or sending anything.
 * Facts about the person come from their real history when we know them, so "already replied
 * to @x" shows up here exactly as it would in the run log.
 */
export async function testAutomation(ctx: TenantContext, input: TTestAutomation) {
  const at = input.at ?? new Date();
  const [account, tenant] = await Promise.all([
    ctx.read.instagramAccount.findUnique({ where: { id: input.accountId }, select: { id: true, igUserId: true, username: true, status: true } }),
    ctx.read.tenant.findUnique({ where: { id: ctx.tenant.id }, select: { timezone: true } }),
  ]);
  if (!account) throw notFound("No such Instagram account in this workspace.");
  // The primary: someone who just activated an automation tests it straight away.
  const rows = await ctx.db.automation.findMany({ where: { accountId: account.id, status: "active", deletedAt: null } });
  const candidates: TAutomationCandidate[] = [];
  const broken: TAutomationEvaluation[] = [];
  for (const r of rows) {
    if (input.draft?.automationId === r.id) continue;
    const definition = parseStoredDefinition(r);
    if (definition) candidates.push({ id: r.id, name: r.name, priority: r.priority, version: r.version, definition, createdAt: r.createdAt });
    else broken.push({ automationId: r.id, name: r.name, priority: r.priority, outcome: "skipped", reason: "Its saved definition is no longer valid; open it in the builder and save it again" });
  }
  if (input.draft) {
    const d = input.draft;
    candidates.push({ id: d.automationId ?? "draft", name: d.name, priority: d.priority, version: 0, definition: d.definition, createdAt: at });
  }

  const contact = await findContact(ctx, account.id, input);
  const priorRuns = contact
    ? await ctx.read.automationRun.findMany({
        where: { contactId: contact.id, outcome: "matched", automationId: { in: candidates.map((c) => c.id) } },
        orderBy: { createdAt: "desc" },
        take: 500,
        select: { automationId: true, contactId: true, mediaId: true, createdAt: true },
      })
    : [];
  // As the events worker reads it: a private reply awaiting an answer closes the window too.
  const historyWindowOpen = !!contact?.lastInboundAt && at.getTime() - contact.lastInboundAt.getTime() < WINDOW_MS && !contact.awaitingReply;
  const facts: TEvaluationFacts = {
    contact: {
      isNew: input.isNewContact ?? !contact,
      windowOpen: input.wroteInLast24h ?? historyWindowOpen,
      ...(contact ? { id: contact.id } : {}),
      ...(contact?.username ?? input.username ? { username: (contact?.username ?? input.username)! } : {}),
      ...(contact?.lastInboundAt && input.wroteInLast24h === undefined ? { lastInboundAt: contact.lastInboundAt } : {}),
    },
    priorRuns: priorRuns.flatMap((r) =>
      r.automationId ? [{ automationId: r.automationId, at: r.createdAt, ...(r.contactId ? { contactId: r.contactId } : {}), ...(r.mediaId ? { mediaId: r.mediaId } : {}) }] : [],
    ),
    ...(input.mediaId ? { media: { id: input.mediaId, ...(input.mediaPublishedAt ? { publishedAt: input.mediaPublishedAt } : {}) } } : {}),
  };
  const event = sampleEvent(input, account.igUserId, contact?.igsid ?? input.igsid ?? "test-sender", at);
  const decision = evaluateAutomations({ event, automations: candidates, facts, timezone: tenant?.timezone ?? "UTC", now: at });
  decision.evaluations.push(...broken);
  const explanation = explainDecision(decision, input.kind);
  return {
    headline: explanation.headline,
    lines: explanation.lines,
    notes: deliveryNotes(account, contact, decision.winner?.actions ?? []),
    winner: decision.winner
      ? { automationId: decision.winner.automationId, name: decision.winner.name, matchedKeyword: decision.winner.matchedKeyword ?? null, actions: decision.winner.actions.map(describeAction) }
      : null,
    evaluations: decision.evaluations,
    facts: {
      evaluatedAt: at.toISOString(),
      timezone: tenant?.timezone ?? "UTC",
      contact: contact
        ? { found: true, id: contact.id, username: contact.username, isNew: facts.contact.isNew, windowOpen: facts.contact.windowOpen }
        : { found: false, id: null, username: input.username ?? null, isNew: facts.contact.isNew, windowOpen: facts.contact.windowOpen },
      priorReplies: facts.priorRuns.length,
    },
  };
}

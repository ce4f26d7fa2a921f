import type { TInboundEvent } from "@/lib/events/inbound-event";
import { describeActiveHours, isWithinActiveHours } from "./active-hours";
import { COMMENT_TRIGGERS } from "./definition-rules";
import { EVENT_KIND_LABELS, EVENT_SUBJECT, formatElapsed, formatMinutes, TRIGGER_LABELS } from "./labels";
import { PRIVATE_REPLY_WINDOW_MS } from "./limits";
import { matchKeywords, prepareText, type TKeywordMatch, type TPreparedText } from "./match-keywords";
import type { TAction, TAutomationDefinition, TReentry } from "./schema";
import { checkTrigger, triggerAcceptsKind } from "./trigger-checks";

/**
 * Decides which automation (at most one) answers an inbound event, and records for every
 * automation on the account why it did or didn't, in words a user can read. Pure: all facts
 * (contact, earlier runs, post publish time, time zone, now) come in as data.
 */

type TInstant = Date | number;

export type TAutomationCandidate = {
  id: string;
  name: string;
  /** Higher wins; ties go to the automation created first. */
  priority: number;
  version: number;
  definition: TAutomationDefinition;
  createdAt: TInstant;
};

/** An earlier run of an automation that answered this contact (outcome "matched"). */
export type TPriorRun = { automationId: string; contactId?: string; mediaId?: string; at: TInstant };

export type TEvaluationFacts = {
  contact: { id?: string; username?: string; isNew: boolean; lastInboundAt?: TInstant; windowOpen: boolean };
  /** This contact's earlier matched runs (any automation); runs naming another contactId are ignored. */
  priorRuns: readonly TPriorRun[];
  /** The event's post, when known; an unbound next-post trigger needs its publish time. */
  media?: { id: string; publishedAt?: TInstant };
};

export type TEvaluationInput = {
  event: TInboundEvent;
  automations: readonly TAutomationCandidate[];
  facts: TEvaluationFacts;
  /** The tenant's IANA time zone, for active hours. */
  timezone: string;
  now: TInstant;
};

export type TEvaluationOutcome = "matched" | "skipped" | "not_applicable";

export type TAutomationEvaluation = {
  automationId: string;
  name: string;
  priority: number;
  outcome: TEvaluationOutcome;
  reason: string;
  matchedKeyword?: string;
};

export type TDecisionWinner = {
  automationId: string;
  name: string;
  version: number;
  actions: TAction[];
  matchedKeyword?: string;
  /** A next-post automation just met its post: persist this as `posts.boundMediaId` if still unbound. */
  bindNextPostMediaId?: string;
};

export type TDecision = { winner?: TDecisionWinner; evaluations: TAutomationEvaluation[] };

type Pass = { pass: true; reason: string; matchedKeyword?: string; bindNextPostMediaId?: string };
type Fail = { pass: false; outcome: "skipped" | "not_applicable"; reason: string };

const ms = (t: TInstant) => (typeof t === "number" ? t : t.getTime());
const skip = (reason: string): Fail => ({ pass: false, outcome: "skipped", reason });

function whoOf(input: TEvaluationInput): string {
  const name = input.event.senderUsername ?? input.facts.contact.username;
  return name ? `@${name}` : "this person";
}

function checkReentry(policy: TReentry, automationId: string, input: TEvaluationInput, who: string): Fail | undefined {
  if (policy.policy === "always") return undefined;
  const contactId = input.facts.contact.id;
  const runs = input.facts.priorRuns.filter(
    (r) => r.automationId === automationId && (r.contactId === undefined || contactId === undefined || r.contactId === contactId),
  );
  if (runs.length === 0) return undefined;
  if (policy.policy === "once_per_contact") return skip(`Already replied to ${who} for this automation`);
  if (policy.policy === "once_per_post") {
    const postKey = input.event.mediaId ?? input.event.storyId;
    // Without a post to scope by, the only safe reading is once per contact.
    if (postKey === undefined || runs.some((r) => r.mediaId === postKey)) return skip(`Already replied to ${who} on this post`);
    return undefined;
  }
  const last = Math.max(...runs.map((r) => ms(r.at)));
  const since = ms(input.now) - last;
  if (since >= policy.minutes * 60_000) return undefined;
  return skip(`Replied to ${who} ${formatElapsed(since)} ago; this automation waits ${formatMinutes(policy.minutes)} between replies to the same person`);
}

/** Sends that cannot succeed are skipped here, so the run log says why instead of a Graph error code. */
function checkDeliverable(def: TAutomationDefinition, input: TEvaluationInput, who: string): Fail | undefined {
  if (!COMMENT_TRIGGERS.has(def.trigger.type)) return undefined;
  const has = (type: TAction["type"]) => def.actions.some((a) => a.type === type);
  if (has("private_reply") && ms(input.now) - input.event.occurredAt > PRIVATE_REPLY_WINDOW_MS) {
    return skip("Comment is more than 7 days old; Instagram no longer allows a private reply");
  }
  const { windowOpen, lastInboundAt } = input.facts.contact;
  if (has("dm") && !has("private_reply") && !has("public_reply") && !has("hide_comment") && !windowOpen) {
    const when =
      lastInboundAt === undefined ? "haven't messaged you in the last 24 hours" : `last messaged you ${formatElapsed(ms(input.now) - ms(lastInboundAt))} ago`;
    return skip(`Can't DM ${who}: they ${when}, and a comment doesn't open a conversation`);
  }
  return undefined;
}

function matchedReason(def: TAutomationDefinition, input: TEvaluationInput, kw: TKeywordMatch, who: string): string {
  const { event } = input;
  if (kw.matched && kw.code === "keyword") return kw.reason;
  if (def.trigger.type === "postback") return `Matched button payload "${event.payload?.trim()}"`;
  if (def.trigger.type === "referral") return event.referralRef ? `Matched link ref "${event.referralRef}"` : "Matches any ig.me link visit";
  if (def.trigger.type === "first_dm") return `First message from ${who}`;
  return `Matches any ${EVENT_SUBJECT[event.kind].toLowerCase()}`;
}

function evaluateOne(a: TAutomationCandidate, input: TEvaluationInput, text: () => TPreparedText): Pass | Fail {
  const { event, facts } = input;
  const def = a.definition;
  const who = whoOf(input);
  if (event.senderId === event.accountId) {
    return { pass: false, outcome: "not_applicable", reason: "Your own account's activity never triggers automations" };
  }
  if (!triggerAcceptsKind(def.trigger, event.kind)) {
    return { pass: false, outcome: "not_applicable", reason: `Listens for ${TRIGGER_LABELS[def.trigger.type]}; this was ${EVENT_KIND_LABELS[event.kind]}` };
  }
  // Standby: another app (e.g. a human inbox) holds the thread; replying would talk over it.
  if (event.standby) return skip("Another app owns this conversation");

  const trigger = checkTrigger(def.trigger, event, {
    isNewContact: facts.contact.isNew,
    automationCreatedAt: ms(a.createdAt),
    ...(facts.media?.publishedAt !== undefined && facts.media.id === event.mediaId ? { mediaPublishedAt: ms(facts.media.publishedAt) } : {}),
  });
  if (!trigger.ok) return skip(trigger.reason);

  const { audience, keywords, excludeKeywords, activeHours, reentry } = def.conditions;
  if (audience === "new" && !facts.contact.isNew) return skip(`Only for new contacts, and ${who} has interacted with you before`);
  if (audience === "returning" && facts.contact.isNew) return skip(`Only for returning contacts, and ${who} is new`);

  const kw = matchKeywords(text(), keywords, excludeKeywords, { subject: EVENT_SUBJECT[event.kind] });
  if (!kw.matched) return skip(kw.reason);

  if (activeHours) {
    let inside: boolean;
    try {
      inside = isWithinActiveHours(activeHours, input.timezone, input.now);
    } catch {
      return skip(`Active hours can't be checked: unknown time zone "${input.timezone}"`);
    }
    if (!inside) return skip(`Outside active hours (${describeActiveHours(activeHours, input.timezone)})`);
  }

  const blocked = checkDeliverable(def, input, who) ?? checkReentry(reentry, a.id, input, who);
  if (blocked) return blocked;
  return {
    pass: true,
    reason: matchedReason(def, input, kw, who),
    ...(kw.keyword !== undefined ? { matchedKeyword: kw.keyword } : {}),
    ...(trigger.bindNextPostMediaId !== undefined ? { bindNextPostMediaId: trigger.bindNextPostMediaId } : {}),
  };
}

const isFallback = (a: TAutomationCandidate) => a.definition.trigger.type === "dm_any";

/** Fallbacks last, then higher priority, then older, then id so the order is total and stable. */
function rank(a: TAutomationCandidate, b: TAutomationCandidate): number {
  return (
    Number(isFallback(a)) - Number(isFallback(b)) ||
    b.priority - a.priority ||
    ms(a.createdAt) - ms(b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function lostTo(loser: TAutomationCandidate, winner: TAutomationCandidate): string {
  if (isFallback(loser)) return `A more specific automation ("${winner.name}") answered this message`;
  if (winner.priority > loser.priority) return `Another automation with higher priority ("${winner.name}") already answered`;
  return `Another automation with the same priority, created earlier ("${winner.name}"), already answered`;
}

/** At most one winner per event; every automation gets an evaluation, in the order they were considered. */
export function evaluateAutomations(input: TEvaluationInput): TDecision {
  const ranked = [...input.automations].sort(rank);
  const evaluations: TAutomationEvaluation[] = [];
  let winner: TAutomationCandidate | undefined;
  let decisionWinner: TDecisionWinner | undefined;
  let prepared: TPreparedText | undefined;
  const text = () => (prepared ??= prepareText(input.event.text ?? ""));
  for (const a of ranked) {
    const base = { automationId: a.id, name: a.name, priority: a.priority };
    const result = evaluateOne(a, input, text);
    if (!result.pass) {
      evaluations.push({ ...base, outcome: result.outcome, reason: result.reason });
    } else if (winner) {
      evaluations.push({ ...base, outcome: "skipped", reason: lostTo(a, winner) });
    } else {
      winner = a;
      const kw = result.matchedKeyword !== undefined ? { matchedKeyword: result.matchedKeyword } : {};
      evaluations.push({ ...base, outcome: "matched", reason: result.reason, ...kw });
      decisionWinner = {
        automationId: a.id,
        name: a.name,
        version: a.version,
        actions: a.definition.actions,
        ...kw,
        ...(result.bindNextPostMediaId !== undefined ? { bindNextPostMediaId: result.bindNextPostMediaId } : {}),
      };
    }
  }
  return decisionWinner ? { winner: decisionWinner, evaluations } : { evaluations };
}

import type { TInboundEvent } from "@/lib/events/inbound-event";
import type { TAutomationCandidate, TEvaluationInput } from "@/lib/automations/evaluate";
import { ZAutomationDefinition, type TAutomationDefinitionInput } from "@/lib/automations/schema";

export const ACCOUNT = "17841400000000001";
export const NOW = Date.parse("2026-01-14T12:00:00Z"); // a Wednesday
export const MINUTE = 60_000;

export function event(over: Partial<TInboundEvent> = {}): TInboundEvent {
  return {
    accountId: ACCOUNT,
    kind: "comment",
    dedupeKey: "c:1",
    occurredAt: NOW - 1_000,
    senderId: "igsid-anna",
    senderUsername: "anna",
    text: "PRICE please",
    commentId: "c1",
    mediaId: "media-1",
    standby: false,
    ...over,
  };
}

let seq = 0;
/** An automation parsed through the real schema, so tests exercise the defaults users get. */
export function automation(
  name: string,
  def: TAutomationDefinitionInput,
  over: Partial<Omit<TAutomationCandidate, "definition">> = {},
): TAutomationCandidate {
  seq += 1;
  return {
    id: `auto-${name.toLowerCase().replace(/\W+/g, "-")}`,
    name,
    priority: 0,
    version: 1,
    createdAt: NOW - 10 * 24 * 60 * MINUTE + seq * MINUTE,
    definition: ZAutomationDefinition.parse(def),
    ...over,
  };
}

export const dmText = (text: string) => ({ text });

export function input(over: Partial<TEvaluationInput> & Pick<TEvaluationInput, "automations">): TEvaluationInput {
  return {
    event: event(),
    facts: { contact: { id: "contact-anna", isNew: false, windowOpen: false }, priorRuns: [] },
    timezone: "UTC",
    now: NOW,
    ...over,
  };
}

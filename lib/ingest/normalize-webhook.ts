import { ZInboundEvent, type TInboundEvent } from "@/lib/events/inbound-event";
import type { DropReason } from "./drop-reasons";
import type { ItemContext, ItemOutcome } from "./item-outcome";
import { normalizeComment } from "./normalize-comment";
import { echoId, ZOutboundEcho, type TOutboundEcho } from "./normalize-echo";
import { normalizeMessagingItem } from "./normalize-messaging";
import { toEpochMs } from "./timestamps";
import { WebhookShapeError } from "./webhook-shape-error";
import { ZChange, ZEntry, ZEnvelopeHead, type TEntry } from "./webhook-schemas";

/**
 * A verified webhook delivery → canonical inbound events (reference §1.4–1.7, SPEC §5).
 * A broken envelope throws WebhookShapeError (→ 400, Meta retries a fixed sender); an odd item
 * inside a good envelope is dropped and counted, because a 400 would make Meta redeliver the
 * whole batch forever for one item it will never change.
 */

export type NormalizeOptions = {
  /** Clock for events that carry no time at all (ms). */
  now?: () => number;
  /** Keep items of entry id "0" (the App Dashboard "Test" button) instead of dropping them. */
  keepTestEntries?: boolean;
};

export type NormalizeResult = {
  events: TInboundEvent[];
  /** The account's own sends coming back (is_echo messages, own comments): never events, kept to reconcile ambiguous sends. */
  echoes: TOutboundEcho[];
  dropped: { reason: DropReason; count: number }[];
  unknown: { object?: string; field?: string; count: number }[];
};

/** The only object Replyflow handles; both Instagram Login and Facebook Login deliver it. */
const INSTAGRAM = "instagram";
const DASHBOARD_TEST_ENTRY_ID = "0";

const COMMENT_FIELDS = new Set(["comments", "live_comments"]);
/** Change fields whose value is a messaging item (dashboard tests send every messaging field this way). */
const MESSAGING_FIELDS = new Set([
  "messages",
  "messaging_postbacks",
  "message_reactions",
  "messaging_reactions",
  "messaging_seen",
  "messaging_referral",
  "messaging_referrals",
  "message_edit",
  "message_edits",
]);

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }, prefix: string) {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join("."), message: i.message }));
}

class Tally {
  readonly events: TInboundEvent[] = [];
  readonly echoes: TOutboundEcho[] = [];
  private readonly echoIds = new Set<string>();
  private readonly drops = new Map<DropReason, number>();
  private readonly unknowns = new Map<string, { object?: string; field?: string; count: number }>();
  private readonly seen = new Set<string>();

  drop(reason: DropReason, n = 1): void {
    if (n > 0) this.drops.set(reason, (this.drops.get(reason) ?? 0) + n);
  }

  unknown(object: string, field: string | undefined, n = 1): void {
    const key = `${object}\u0000${field ?? ""}`;
    const row = this.unknowns.get(key) ?? { object, ...(field ? { field } : {}), count: 0 };
    row.count += n;
    this.unknowns.set(key, row);
  }

  add(outcome: ItemOutcome, object: string, field?: string): void {
    if (outcome.type === "drop") {
      if (outcome.echo) this.echo(outcome.echo);
      return this.drop(outcome.reason);
    }
    if (outcome.type === "unknown") return this.unknown(object, outcome.field ?? field);
    // The last line of defence before the queue: a job payload that fails its schema would fail
    // the whole enqueue and make Meta retry the batch forever.
    const parsed = ZInboundEvent.safeParse(outcome.event);
    if (!parsed.success) return this.drop("invalid_event");
    const seenKey = `${parsed.data.accountId}\u0000${parsed.data.dedupeKey}`;
    if (this.seen.has(seenKey)) return this.drop("duplicate_in_batch");
    this.seen.add(seenKey);
    this.events.push(parsed.data);
  }

  /** Echoes are bounded like events (schema) and kept once per mid or comment id. */
  private echo(raw: TOutboundEcho): void {
    const parsed = ZOutboundEcho.safeParse(raw);
    if (!parsed.success) return;
    const id = `${parsed.data.igUserId}\u0000${echoId(parsed.data)}`;
    if (this.echoIds.has(id)) return;
    this.echoIds.add(id);
    this.echoes.push(parsed.data);
  }

  result(): NormalizeResult {
    return {
      events: this.events,
      echoes: this.echoes,
      dropped: [...this.drops].map(([reason, count]) => ({ reason, count })),
      unknown: [...this.unknowns.values()],
    };
  }
}

function normalizeChange(raw: unknown, ctx: ItemContext, tally: Tally): void {
  const change = ZChange.safeParse(raw);
  if (!change.success) return tally.drop("malformed_item");
  const { field, value } = change.data;
  if (COMMENT_FIELDS.has(field)) return tally.add(normalizeComment(value, field as "comments" | "live_comments", ctx), INSTAGRAM);
  if (MESSAGING_FIELDS.has(field)) return tally.add(normalizeMessagingItem(value, ctx), INSTAGRAM, field);
  // mentions (Facebook Login), story_insights, messaging_optins, messaging_handover…
  tally.unknown(INSTAGRAM, field);
}

function itemCount(entry: TEntry): number {
  const flat = entry.field && !entry.changes ? 1 : 0;
  return (entry.changes?.length ?? 0) + (entry.messaging?.length ?? 0) + (entry.standby?.length ?? 0) + flat;
}

function normalizeEntry(entry: TEntry, opts: NormalizeOptions, tally: Tally): void {
  const count = itemCount(entry);
  if (count === 0) return tally.drop("empty_entry");
  if (entry.id === DASHBOARD_TEST_ENTRY_ID && !opts.keepTestEntries) return tally.drop("dashboard_test", count);

  const ctx: ItemContext = {
    accountId: entry.id,
    entryTime: toEpochMs(entry.time),
    standby: false,
    now: opts.now ? opts.now() : Date.now(),
  };
  // Order from the reference (§1.5): changes, messaging, standby, then the flat variant.
  for (const change of entry.changes ?? []) normalizeChange(change, ctx, tally);
  for (const item of entry.messaging ?? []) tally.add(normalizeMessagingItem(item, ctx), INSTAGRAM);
  const standbyCtx = { ...ctx, standby: true };
  for (const item of entry.standby ?? []) tally.add(normalizeMessagingItem(item, standbyCtx), INSTAGRAM);
  if (entry.field && !entry.changes) normalizeChange({ field: entry.field, value: entry.value }, ctx, tally);
}

/**
 * Parses a webhook body (already JSON-parsed) into events plus counts of what was dropped and
 * what was not understood. Throws WebhookShapeError when the envelope itself is malformed.
 */
export function normalizeWebhook(body: unknown, opts: NormalizeOptions = {}): NormalizeResult {
  const head = ZEnvelopeHead.safeParse(body);
  if (!head.success) throw new WebhookShapeError("Webhook body is not a Meta webhook envelope", issuesOf(head.error, ""));
  const tally = new Tally();
  const { object, entry } = head.data;
  if (object !== INSTAGRAM) {
    // Someone subscribed this callback to another object (page, whatsapp…): acknowledge and count.
    tally.unknown(object, undefined, Math.max(1, entry.length));
    return tally.result();
  }
  const entries: TEntry[] = [];
  for (const [i, raw] of entry.entries()) {
    const parsed = ZEntry.safeParse(raw);
    if (!parsed.success) throw new WebhookShapeError("Webhook entry is malformed", issuesOf(parsed.error, `entry.${i}`));
    entries.push(parsed.data);
  }
  for (const e of entries) normalizeEntry(e, opts, tally);
  return tally.result();
}

import { primary } from "@/lib/db";
import { uniq } from "../api/helpers/world";

/**
 * Rows the pipeline would write (accounts, automations, contacts, events, runs, messages),
 * inserted straight into the database so the API tests exercise only the API.
 */

let seq = 0;
const digits = () => `${Date.now()}${String(seq++).padStart(4, "0")}`;

export async function createAccount(tenantId: string, username = uniq("shop")) {
  return primary().instagramAccount.create({ data: { tenantId, igUserId: `1784${digits()}`, username, subscribedFields: ["comments", "messages"] } });
}

export const commentDefinition = (keywords: string[] = ["price"], extra: Record<string, unknown> = {}) => ({
  trigger: { type: "comment", posts: { mode: "any" }, includeReplies: false },
  conditions: { keywords: { mode: "contains_word", values: keywords }, excludeKeywords: [] as string[], reentry: { policy: "always" } as { policy: string; minutes?: number }, audience: "all" },
  actions: [
    { type: "public_reply", variants: ["Thanks {{username}}! Check your DMs"] },
    { type: "private_reply", message: { text: "Here is the price list", trackLinks: true } },
  ],
  ...extra,
});

export async function createAutomationRow(
  tenantId: string,
  accountId: string,
  opts: { name?: string; status?: "draft" | "active" | "paused"; priority?: number; definition?: ReturnType<typeof commentDefinition>; createdAt?: Date; deletedAt?: Date } = {},
) {
  const def = opts.definition ?? commentDefinition();
  return primary().automation.create({
    data: {
      tenantId,
      accountId,
      name: opts.name ?? uniq("Automation "),
      status: opts.status ?? "active",
      priority: opts.priority ?? 0,
      triggerType: def.trigger.type,
      trigger: def.trigger,
      conditions: def.conditions,
      actions: def.actions,
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
      ...(opts.deletedAt ? { deletedAt: opts.deletedAt } : {}),
    },
  });
}

export async function createContact(
  tenantId: string,
  accountId: string,
  opts: { username?: string | null; igsid?: string; lastInboundAt?: Date | null; lastSeenAt?: Date; tags?: string[]; optedOut?: boolean } = {},
) {
  return primary().contact.create({
    data: {
      tenantId,
      accountId,
      igsid: opts.igsid ?? `9${digits()}`,
      username: opts.username === undefined ? uniq("fan") : opts.username,
      lastInboundAt: opts.lastInboundAt ?? null,
      ...(opts.lastSeenAt ? { lastSeenAt: opts.lastSeenAt } : {}),
      tags: opts.tags ?? [],
      optedOut: opts.optedOut ?? false,
    },
  });
}

type MessageSpec = { kind?: "public_reply" | "private_reply" | "dm"; status?: "queued" | "sent" | "failed" | "skipped"; reason?: string | null };

/**
 * One inbound event and what the pipeline made of it: a run (matched/skipped, with reason) and
 * its messages, all stamped `at`.
 */
export async function createInteraction(
  tenantId: string,
  opts: {
    accountId: string;
    automationId?: string | null;
    contactId?: string | null;
    commentId?: string;
    kind?: string;
    outcome?: "matched" | "skipped" | "failed";
    reason?: string;
    at?: Date;
    messages?: MessageSpec[];
  },
) {
  const at = opts.at ?? new Date();
  const commentId = opts.commentId ?? `18${digits()}`;
  const db = primary();
  const event = await db.webhookEvent.create({
    data: { tenantId, accountId: opts.accountId, dedupeKey: `c:${commentId}`, kind: opts.kind ?? "comment", senderId: "9001", occurredAt: at, receivedAt: at, status: "processed" },
  });
  const run = await db.automationRun.create({
    data: {
      tenantId,
      accountId: opts.accountId,
      webhookEventId: event.id,
      automationId: opts.automationId ?? null,
      contactId: opts.contactId ?? null,
      eventKind: opts.kind ?? "comment",
      outcome: opts.outcome ?? "matched",
      reason: opts.reason ?? 'Comment contains "price"',
      commentId,
      createdAt: at,
    },
  });
  const messages = [];
  for (const [i, m] of (opts.messages ?? []).entries()) {
    if (!opts.automationId) throw new Error("messages need an automation");
    messages.push(
      await db.outboundMessage.create({
        data: {
          tenantId,
          accountId: opts.accountId,
          automationId: opts.automationId,
          runId: run.id,
          webhookEventId: event.id,
          actionIndex: i,
          contactId: opts.contactId ?? null,
          kind: m.kind ?? "private_reply",
          commentId,
          content: { text: "Here is the price list" },
          status: m.status ?? "sent",
          reason: m.reason ?? null,
          createdAt: at,
          ...(m.status === "sent" ? { sentAt: at } : {}),
        },
      }),
    );
  }
  return { event, run, messages, commentId };
}

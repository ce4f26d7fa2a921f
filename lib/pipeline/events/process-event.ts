import type { Job } from "bullmq";
import type { Logger } from "pino";
import { evaluateAutomations, type TDecision } from "@/lib/automations/evaluate";
import { seededRng } from "@/lib/automations/rng";
import { env } from "@/lib/env";
import type { TInboundEventKind } from "@/lib/events/inbound-event";
import { ZProcessEventJob, type TProcessEventJob } from "@/lib/events/process-event-job";
import { loadActiveAutomations } from "../automations/load-active-automations";
import { accountCache, type PipelineAccount } from "../cache/account-cache";
import { tenantPlanCache } from "../cache/tenant-plan-cache";
import { newLinkCode } from "../links/link-code";
import { bindNextPost } from "../next-post/bind-next-post";
import { mediaPublishedAt } from "../next-post/media-published-at";
import { waitsForNextPost } from "../next-post/waits-for-next-post";
import { enqueueSends } from "../outbound/enqueue-sends";
import { reasons } from "../reasons";
import { TENANT, tenantSql } from "../sql/tenant-sql";
import { ensureUsageRow } from "../usage/ensure-usage-row";
import { readUsage } from "../usage/read-usage";
import { usagePeriod } from "../usage/usage-period";
import { loadPriorRuns } from "./load-prior-runs";
import { EventAlreadyHandled, persistDecision, type Decision, type RunRecord } from "./persist-decision";
import { planActions } from "./plan-actions";
import { recordWebhookEvent } from "./record-webhook-event";
import { replayQueuedSends } from "./replay-queued-sends";
import { upsertContact, WINDOW_OPENING_KINDS, type UpsertedContact } from "./upsert-contact";
import { variantMemory } from "./variant-memory";

/** Kinds some trigger can answer; reactions, reads, edits and unsends are recorded, never answered. */
const ACTIONABLE: ReadonlySet<TInboundEventKind> = new Set(["comment", "live_comment", "dm", "story_reply", "story_mention", "postback", "quick_reply", "referral"]);
const WINDOW_MS = 24 * 3_600_000;

function runsOf(decision: TDecision, versions: Map<string, number>, kind: TInboundEventKind, account: PipelineAccount): RunRecord[] {
  const runs: RunRecord[] = [];
  for (const e of decision.evaluations) {
    if (e.outcome === "not_applicable") continue;
    runs.push({ automationId: e.automationId, automationVersion: versions.get(e.automationId) ?? null, outcome: e.outcome, reason: e.reason, ...(e.matchedKeyword ? { matchedKeyword: e.matchedKeyword } : {}) });
  }
  // Nothing listened at all: one row saying so, so "why didn't they get a reply?" has an answer.
  if (runs.length === 0) runs.push({ automationId: null, automationVersion: null, outcome: "skipped", reason: reasons.noAutomationListens(kind, account.username) });
  return runs;
}

async function decide(data: TProcessEventJob, webhookEventId: string, account: PipelineAccount, c: UpsertedContact): Promise<Decision> {
  const { event } = data;
  const base = { tenantId: data.tenantId, accountId: data.accountId, webhookEventId, event, contactId: c.contact.id };
  if (account.status === "disconnected") {
    return { ...base, eventStatus: "skipped", runs: [{ automationId: null, automationVersion: null, outcome: "skipped", reason: reasons.accountDisconnected(account.username) }] };
  }
  const [tenant, loaded] = await Promise.all([tenantPlanCache.get(data.tenantId), loadActiveAutomations(data.tenantId, data.accountId)]);
  if (!tenant) throw new Error("workspace not found for an event of one of its accounts");
  let automations = loaded;
  const now = Date.now();
  const needsHistory = !c.isNew && automations.some((a) => a.definition.conditions.reentry.policy !== "always");
  const lastInbound = c.contact.lastInboundAt;
  // Only an unbound next-post automation needs to know when the comment's post was published.
  const publishedAt = event.mediaId && automations.some(waitsForNextPost) ? await mediaPublishedAt(account, event.mediaId) : undefined;
  const facts = {
    contact: {
      id: c.contact.id,
      ...(c.contact.username ? { username: c.contact.username } : {}),
      isNew: c.isNew,
      ...(lastInbound ? { lastInboundAt: lastInbound } : {}),
      windowOpen: !!lastInbound && now - lastInbound.getTime() < WINDOW_MS && !c.contact.awaitingReply,
    },
    priorRuns: needsHistory ? await loadPriorRuns(data.tenantId, c.contact.id) : [],
    ...(event.mediaId && publishedAt !== undefined ? { media: { id: event.mediaId, publishedAt } } : {}),
  };
  let decision = evaluateAutomations({ event, automations, facts, timezone: tenant.timezone, now });
  const binding = decision.winner?.bindNextPostMediaId;
  if (decision.winner && binding && !(await bindNextPost({ tenantId: data.tenantId, accountId: data.accountId, automationId: decision.winner.automationId, mediaId: binding }))) {
    // Another event attached that automation to a different new post first: decide again on fresh rows.
    automations = await loadActiveAutomations(data.tenantId, data.accountId);
    decision = evaluateAutomations({ event, automations, facts, timezone: tenant.timezone, now });
  }
  const versions = new Map(automations.map((a) => [a.id, a.version]));
  const runs = runsOf(decision, versions, event.kind, account);
  if (!decision.winner) return { ...base, eventStatus: "processed", runs };

  const period = usagePeriod(now);
  const [usage, lastVariant] = await Promise.all([readUsage(data.tenantId, period), variantMemory.last(data.accountId, event.mediaId), ensureUsageRow(data.tenantId, period)]);
  const plan = planActions({
    actions: decision.winner.actions,
    event,
    contact: c.contact,
    now,
    // Seeded by the event: a retried job renders the same spintax and picks the same variant.
    rng: seededRng(`${data.accountId}:${event.dedupeKey}`),
    lastVariantIndex: lastVariant,
    appUrl: env().APP_URL,
    newCode: () => newLinkCode(),
    quota: { dmUsed: usage.dmsSent + usage.privateReplies, dmLimit: tenant.monthlyDmLimit, replyUsed: usage.publicReplies, replyLimit: tenant.monthlyReplyLimit },
  });
  if (plan.publicVariant) await variantMemory.remember(data.accountId, plan.publicVariant.mediaId, plan.publicVariant.index);
  return { ...base, eventStatus: "processed", runs, winner: { automationId: decision.winner.automationId, sends: plan.sends, tags: plan.tags } };
}

/**
 * The `process-event` job (SPEC §5): record the event once (unique row), update the contact,
 * evaluate the account's active automations, write runs and sends in one transaction, then
 * enqueue the sends. A replay of a handled event only re-enqueues its still-queued sends; an
 * event left `received` by a crash is decided again from scratch (nothing of it committed).
 */
export async function processEvent(job: Job, pctx: { log: Logger }): Promise<unknown> {
  const data = ZProcessEventJob.parse(job.data);
  const account = await accountCache.get(data.tenantId, data.accountId);
  if (!account) return { outcome: "account_gone" };
  const recorded = await recordWebhookEvent(data);
  if (recorded.status !== "received") return { outcome: "duplicate", requeued: await replayQueuedSends(data.tenantId, recorded.id) };

  if (!ACTIONABLE.has(data.event.kind)) {
    await tenantSql(data.tenantId).execute`UPDATE WebhookEvent SET status = 'skipped', processedAt = ${new Date()}
      WHERE tenantId = ${TENANT} AND id = ${recorded.id} AND status = 'received'`;
    return { outcome: "recorded" };
  }
  const contact = await upsertContact(data.tenantId, data.accountId, data.event);
  const decision = await decide(data, recorded.id, account, contact);
  let queued;
  try {
    queued = await persistDecision(decision);
  } catch (err) {
    if (!(err instanceof EventAlreadyHandled)) throw err;
    return { outcome: "duplicate", requeued: await replayQueuedSends(data.tenantId, recorded.id) };
  }
  await enqueueSends(queued);
  if (pctx.log.isLevelEnabled("debug")) {
    pctx.log.debug({ tenantId: data.tenantId, accountId: data.accountId, kind: data.event.kind, runs: decision.runs.length, sends: queued.length, opensWindow: WINDOW_OPENING_KINDS.has(data.event.kind) }, "event processed");
  }
  return { outcome: "processed", sends: queued.length };
}

import { stringList } from "@/lib/instagram/connect/present-account";
import type { RateClass } from "@/lib/outbound/rate-limit";
import { rateClassesFor } from "@/lib/pipeline/outbound/rate-classes";
import type { TenantContext } from "@/lib/tenancy/context";
import { estimateDrain, type Eta } from "./eta";
import { formatDuration } from "./format";
import { lastEventTimes } from "./last-events";
import { readLimiterStates, type ClassWindow, type LimiterState } from "./limiter-state";

const DAY_MS = 86_400_000;
const PENDING = ["queued", "sending"] as const;
/** Without these two fields nothing the automations answer can arrive. */
const ESSENTIAL_FIELDS = ["comments", "messages"];

export type WebhookHealth = { state: "ok" | "quiet" | "none" | "off"; label: string };
export type RateState = { state: "ok" | "slowed" | "cooldown" | "unknown"; label: string };

export type AccountHealth = {
  id: string;
  username: string;
  name: string | null;
  status: "active" | "reconnect_required" | "paused" | "disconnected";
  lastEventAt: string | null;
  webhook: WebhookHealth;
  backlog: { total: number; oldestScheduledAt: string | null };
  parked: number;
  rate: RateState;
  /** Calls granted in each class's current window, for the classes this account has used. */
  windows: ClassWindow[];
  eta: Eta | null;
};

const CLASS_NOUN: Record<RateClass, string> = {
  send: "DMs",
  send_media: "media DMs",
  private_reply: "private replies",
  comment_reply: "public replies",
  conversations: "inbox reads",
};
export const rateClassNoun = (cls: RateClass) => CLASS_NOUN[cls];

function webhookHealth(status: AccountHealth["status"], fields: string[], lastEventAt: Date | null, now: Date): WebhookHealth {
  if (status === "disconnected") return { state: "off", label: "Not receiving: disconnected" };
  const missing = ESSENTIAL_FIELDS.filter((f) => !fields.includes(f));
  if (missing.length) return { state: "quiet", label: `Not subscribed to ${missing.join(", ")}` };
  if (!lastEventAt) return { state: "none", label: "No events yet" };
  if (now.getTime() - lastEventAt.getTime() > DAY_MS) return { state: "quiet", label: "Quiet for over a day" };
  return { state: "ok", label: "Receiving events" };
}

function rateState(limiter: LimiterState | undefined): RateState {
  if (!limiter) return { state: "unknown", label: "Limiter state unavailable" };
  if (limiter.cooldown) return { state: "cooldown", label: `Paused by Instagram for ${formatDuration(limiter.cooldown.ms)}` };
  if (limiter.usagePct !== null && limiter.usagePct >= 80) return { state: "slowed", label: `Slowed down: Instagram usage at ${Math.round(limiter.usagePct)} %` };
  return { state: "ok", label: "Within limits" };
}

/**
 * Per account: status, webhook health (the newest event received), the workspace's own
 * backlog of sends (MySQL, exact), sends parked until reconnect, the limiter's state and how
 * long the backlog will take to drain. One indexed range read per account and one Redis
 * pipeline for all of them; Redis trouble degrades the rate columns to "unknown".
 */
export async function loadAccountHealth(ctx: TenantContext, now = new Date()): Promise<AccountHealth[]> {
  const accounts = await ctx.read.instagramAccount.findMany({
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    take: 50,
    select: {
      id: true,
      username: true,
      name: true,
      status: true,
      subscribedFields: true,
      lastWebhookAt: true,
      sendPerSecond: true,
      mediaSendPerSecond: true,
      privateRepliesPerHour: true,
      commentRepliesPerHour: true,
      conversationsPerSecond: true,
    },
  });
  const [perAccount, lastEvents, limiters] = await Promise.all([
    Promise.all(
      accounts.map(async (a) => {
        const pending = await ctx.read.outboundMessage.groupBy({ by: ["kind"], where: { accountId: a.id, status: { in: [...PENDING] } }, _count: { _all: true }, _min: { scheduledAt: true } });
        return { pending };
      }),
    ),
    lastEventTimes(ctx, accounts),
    readLimiterStates(accounts).catch((err: unknown) => {
      ctx.log.warn({ err }, "limiter state unavailable for the overview");
      return new Map<string, LimiterState>();
    }),
  ]);
  return accounts.map((a, i) => {
    const { pending } = perAccount[i]!;
    const limiter = limiters.get(a.id);
    const last = lastEvents.get(a.id) ?? null;
    const total = pending.reduce((n, p) => n + p._count._all, 0);
    const oldest = pending.map((p) => p._min.scheduledAt).filter((d): d is Date => !!d).sort((x, y) => x.getTime() - y.getTime())[0] ?? null;
    const pendingByClass = new Map<RateClass, number>();
    for (const p of pending) for (const cls of rateClassesFor(p.kind)) pendingByClass.set(cls, (pendingByClass.get(cls) ?? 0) + p._count._all);
    const eta = limiter
      ? estimateDrain({
          backlog: total,
          cooldownMs: limiter.cooldown?.ms ?? 0,
          nowMs: limiter.nowMs,
          classes: limiter.classes.map((c) => ({ cls: c.cls, pending: pendingByClass.get(c.cls) ?? 0, limit: c.effectiveLimit, windowMs: c.windowMs, lastReservationAt: c.lastReservationAt })),
        })
      : null;
    return {
      id: a.id,
      username: a.username,
      name: a.name,
      status: a.status,
      lastEventAt: last?.toISOString() ?? null,
      webhook: webhookHealth(a.status, stringList(a.subscribedFields), last, now),
      backlog: { total, oldestScheduledAt: oldest?.toISOString() ?? null },
      parked: limiter?.parked ?? 0,
      rate: rateState(limiter),
      windows: limiter ? limiter.classes.filter((c) => c.used > 0 || pendingByClass.has(c.cls) || c.cls === "send" || c.cls === "private_reply") : [],
      eta,
    };
  });
}

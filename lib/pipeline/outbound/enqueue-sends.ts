import { env } from "@/lib/env";
import { reserveSlots } from "@/lib/outbound/rate-limit";
import { queue } from "@/lib/queue/queues";
import { redis } from "@/lib/redis";
import { accountCache } from "../cache/account-cache";
import { outboundJobId, sendOutboundJob, type TSendOutboundJob } from "../jobs/send-outbound-job";
import { scheduleClassFor } from "./rate-classes";

export type QueuedSend = TSendOutboundJob & { scheduledAt: number };

/** Sends due later than this are simply delayed; their slot is taken by acquire() when they wake. */
const RESERVE_HORIZON_MS = 1_000;

/**
 * One `send-outbound` job per queued row, delayed to `max(scheduledAt, its reserved slot)`
 * (anchors §3.3 a): a flooded account's backlog sits in BullMQ's delayed set at the pace its
 * limits allow, instead of waking and being deferred again and again, and never in front of
 * other accounts' sends. Slots are reserved per (account, class) in one round trip each.
 * Job ids are `ob-<row id>`, so enqueueing a row twice is harmless.
 */
export async function enqueueSends(sends: readonly QueuedSend[], now = Date.now()): Promise<void> {
  if (sends.length === 0) return;
  const delays = new Map<QueuedSend, number>();
  const groups = new Map<string, QueuedSend[]>();
  for (const s of sends) {
    delays.set(s, Math.max(0, s.scheduledAt - now));
    const cls = scheduleClassFor(s.kind, s.content.live);
    if (!cls || s.scheduledAt - now > RESERVE_HORIZON_MS) continue;
    const k = `${s.tenantId}\u0000${s.accountId}\u0000${cls}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const first = group[0]!;
      const cls = scheduleClassFor(first.kind, first.content.live)!;
      const account = await accountCache.get(first.tenantId, first.accountId);
      if (!account) return;
      const spec = account.limits[cls];
      const slots = await reserveSlots(redis(), { accountId: account.id, cls, limit: spec.limit, windowMs: spec.windowMs, marginMs: env().OUTBOUND_RATE_MARGIN_MS, n: group.length });
      group.forEach((s, i) => delays.set(s, Math.max(delays.get(s) ?? 0, slots[i]?.delayMs ?? 0)));
    }),
  );
  await queue("outbound").addBulk(
    sends.map((s) => {
      const { scheduledAt: _scheduledAt, ...data } = s;
      const delay = delays.get(s) ?? 0;
      return {
        name: sendOutboundJob.name,
        data: sendOutboundJob.schema.parse(data),
        opts: { ...sendOutboundJob.options, jobId: outboundJobId(s.outboundId), ...(delay > 0 ? { delay } : {}) },
      };
    }),
  );
}

import type { Logger } from "pino";
import { env } from "@/lib/env";
import { queue } from "@/lib/queue/queues";
import { redis } from "@/lib/redis";
import { outboundJobId } from "../jobs/send-outbound-job";
import { requeueSend } from "../outbound/requeue-send";
import { sendLeaseMs } from "../outbound/send-lease";
import { loadSendRows } from "../outbound/store/load-send-rows";
import { settleSend } from "../outbound/store/settle-send";
import { scheduleReconcile } from "../reconcile/schedule-reconcile";
import { reasons } from "../reasons";
import { TENANT, tenantSql } from "../sql/tenant-sql";

/** A queued row younger than this is still on its way into the queue. */
const QUEUED_GRACE_MS = 60_000;
const ROWS_PER_ACCOUNT = 500;

export type SweepCounts = { requeued: number; stale: number; reconciling: number };

type Raw = { id: bigint; status: "queued" | "sending" | "unknown"; claimedAt: Date | null; updatedAt: Date };

/** Which of these send jobs are missing from Redis or already finished (one pipelined round trip). */
async function jobsNeedingRequeue(ids: string[]): Promise<Set<string>> {
  const q = queue("outbound");
  const pipe = redis().pipeline();
  for (const id of ids) pipe.hmget(q.toKey(outboundJobId(id)), "timestamp", "finishedOn");
  const replies = (await pipe.exec()) ?? [];
  const out = new Set<string>();
  replies.forEach(([err, value], i) => {
    const [created, finished] = (value as (string | null)[] | null) ?? [null, null];
    if (!err && (created === null || finished !== null)) out.add(ids[i]!);
  });
  return out;
}

/**
 * One account's part of the outbound sweep: queued rows older than a minute with no live job
 * (an enqueue lost after its commit) are enqueued again; rows left `sending` past the lease
 * (their worker died mid-send) become `unknown`; `unknown` rows whose reconcile job is overdue
 * get it again. Bounded per account and per run; ids keep every step idempotent.
 */
export async function sweepAccount(account: { tenantId: string; id: string }, log: Logger, now = Date.now()): Promise<SweepCounts> {
  const counts: SweepCounts = { requeued: 0, stale: 0, reconciling: 0 };
  const overdueUnknown = now - env().OUTBOUND_UNKNOWN_GRACE_MS - QUEUED_GRACE_MS;
  // One indexed probe per status (tenantId, accountId, status, …): queued rows by their due
  // time; claims and doubts by their own clocks — a stale claim must not wait a minute more.
  const rows = await tenantSql(account.tenantId).query<Raw>`SELECT id, status, claimedAt, updatedAt FROM OutboundMessage
    WHERE tenantId = ${TENANT} AND accountId = ${account.id} AND (
      (status = 'queued' AND scheduledAt < ${new Date(now - QUEUED_GRACE_MS)})
      OR (status = 'sending' AND claimedAt < ${new Date(now - sendLeaseMs())})
      OR (status = 'unknown' AND updatedAt < ${new Date(overdueUnknown)}))
    ORDER BY scheduledAt LIMIT ${ROWS_PER_ACCOUNT}`;
  const queued = rows.filter((r) => r.status === "queued").map((r) => String(r.id));
  const lost = queued.length ? await jobsNeedingRequeue(queued) : new Set<string>();
  if (lost.size) {
    for (const row of await loadSendRows(account.tenantId, { ids: [...lost] })) {
      if (row.status !== "queued") continue;
      const { status: _s, attempts: _a, errorClass: _e, claimedAt: _c, scheduledAt: _t, ...send } = row;
      if (await requeueSend(send)) counts.requeued++;
    }
  }
  for (const r of rows) {
    const id = String(r.id);
    if (r.status === "sending" && (r.claimedAt?.getTime() ?? 0) < now - sendLeaseMs()) {
      const changed = await settleSend({ tenantId: account.tenantId, outboundId: id, at: now, from: ["sending"], to: "unknown", reason: reasons.workerStopped(), error: { class: "ambiguous" } });
      if (changed) {
        await scheduleReconcile({ tenantId: account.tenantId, accountId: account.id, outboundId: id, round: 90 });
        counts.stale++;
      }
    } else if (r.status === "unknown" && r.updatedAt.getTime() < overdueUnknown) {
      // Its reconcile job was lost (or is still due): a job id per row keeps this to one.
      await scheduleReconcile({ tenantId: account.tenantId, accountId: account.id, outboundId: id, round: 99 }, 0);
      counts.reconciling++;
    }
  }
  if (counts.requeued + counts.stale + counts.reconciling > 0) log.info({ tenantId: account.tenantId, accountId: account.id, ...counts }, "outbound sweep repaired sends");
  return counts;
}

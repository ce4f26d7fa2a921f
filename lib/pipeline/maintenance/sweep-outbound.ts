import type { Job } from "bullmq";
import type { Logger } from "pino";
import { primary } from "@/lib/db";
import { redis } from "@/lib/redis";
import { ZSweepOutboundJob } from "../jobs/sweep-outbound-job";
import { parkingKeys } from "../outbound/parking-keys";
import { resumeParkedSends } from "../outbound/resume-parked-sends";
import { sweepAccount, type SweepCounts } from "./sweep-account";

const PAGE = 1_000;
const PARALLEL = 4;

/** Runs `fn` over `items`, `n` at a time. */
async function inParallel<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * The `sweep-outbound` maintenance job (every OUTBOUND_SWEEP_INTERVAL_MS, job scheduler):
 * wakes the parked sends of accounts that are active again, and runs sweep-account.ts over
 * every connected account. It is the one system-wide job here, so it lists accounts with the
 * base client; everything it then does to an account's sends names that account's tenant.
 */
export async function sweepOutbound(job: Job, pctx: { log: Logger }): Promise<unknown> {
  ZSweepOutboundJob.parse(job.data ?? {});
  const totals: SweepCounts & { resumed: number; accounts: number } = { requeued: 0, stale: 0, reconciling: 0, resumed: 0, accounts: 0 };
  const parked = new Set(await redis().smembers(parkingKeys.accounts()));
  let cursor: string | undefined;
  for (;;) {
    const page = await primary().instagramAccount.findMany({
      where: { status: { not: "disconnected" } },
      select: { id: true, tenantId: true, status: true },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    await inParallel(page, PARALLEL, async (account) => {
      if (account.status === "active" && parked.has(account.id)) totals.resumed += await resumeParkedSends(account.id);
      const c = await sweepAccount(account, pctx.log);
      totals.requeued += c.requeued;
      totals.stale += c.stale;
      totals.reconciling += c.reconciling;
    });
    totals.accounts += page.length;
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
  return totals;
}

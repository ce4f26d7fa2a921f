import { queue } from "@/lib/queue/queues";
import { redis } from "@/lib/redis";
import { outboundJobId } from "../jobs/send-outbound-job";
import { parkingKeys } from "./parking-keys";

const BATCH = 500;

/**
 * Wakes the sends parked for an account that can send again (call it after a reconnect; the
 * outbound sweep also calls it for every active account with parked sends). Each parked job
 * is promoted from the delayed set; jobs that meanwhile ran or vanished are just forgotten
 * (the sweep re-enqueues queued rows without a job). Bounded per call; returns how many woke.
 */
export async function resumeParkedSends(accountId: string): Promise<number> {
  const ids = await redis().srandmember(parkingKeys.account(accountId), BATCH);
  // Forget before waking: a job that wakes and parks again must stay remembered.
  if (ids.length) await redis().srem(parkingKeys.account(accountId), ...ids);
  let woke = 0;
  for (const id of ids) {
    const job = await queue("outbound").getJob(outboundJobId(id));
    if (job && (await job.isDelayed())) {
      await job.promote().catch(() => undefined); // it may have woken by itself meanwhile
      woke++;
    }
  }
  if (ids.length < BATCH && (await redis().scard(parkingKeys.account(accountId))) === 0) {
    await redis().srem(parkingKeys.accounts(), accountId);
  }
  return woke;
}

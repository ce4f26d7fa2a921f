import type { Job } from "bullmq";
import { redis } from "@/lib/redis";
import { deferJob } from "./defer-job";
import { PARK_MS, parkingKeys } from "./parking-keys";

/**
 * Parks a send whose account cannot send now (reconnect required or paused): the job sleeps in
 * the delayed set, the row stays `queued`, no attempt is used, and the account's parked set
 * remembers it so that reconnecting wakes it at once instead of after PARK_MS.
 */
export async function parkSend(job: Job, token: string | undefined, accountId: string, outboundId: string): Promise<never> {
  await redis().multi().sadd(parkingKeys.account(accountId), outboundId).sadd(parkingKeys.accounts(), accountId).exec();
  return deferJob(job, token, Date.now() + PARK_MS);
}

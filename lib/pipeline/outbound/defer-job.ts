import { DelayedError, type Job } from "bullmq";

/** Up to 20 % extra, at least 50 ms, so a crowd of deferred jobs does not wake in one instant. */
export function withJitter(ms: number, random = Math.random): number {
  const base = Math.max(0, ms);
  return base + Math.floor(random() * Math.max(50, base * 0.2));
}

/**
 * Puts the job back in the delayed set until `untilMs` without using one of its attempts
 * (SPEC §5: rate-limited work waits, never busy-polls, never burns retries). BullMQ needs the
 * DelayedError thrown after moveToDelayed, or it would try to complete the job.
 */
export async function deferJob(job: Job, token: string | undefined, untilMs: number): Promise<never> {
  await job.moveToDelayed(Math.max(untilMs, Date.now() + 1), token);
  throw new DelayedError();
}

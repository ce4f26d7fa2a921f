import { key } from "@/lib/redis";
import { LuaScript, type ScriptClient } from "@/lib/outbound/rate-limit/lua-script";

/**
 * Fair share across accounts on one BullMQ queue (SPEC §5: one account's 50,000-comment
 * giveaway must not delay anyone else). Each job gets a priority from its account's recent
 * volume: quiet accounts stay at 1 (best), a flooded account's jobs sink behind everyone else's
 * while still draining FIFO among themselves.
 *
 * BullMQ takes jobs *without* a priority before any prioritised job, so every job of a queue
 * that uses this must carry one, the quiet ones included.
 */

/** Volume is counted in 10-second buckets; the previous one is weighted by how much of it still overlaps the last 10 s. */
export const BUCKET_MS = 10_000;
/** Up to this many events per 10 s is an ordinary busy account: priority 1. */
export const QUIET_VOLUME = 50;
/** Worst priority we hand out. BullMQ allows up to 2,097,151; a small range keeps its priority index cheap. */
export const MAX_PRIORITY = 20;

/**
 * Priority for an account that produced `recentCount` events in about the last 10 s: 1 up to
 * QUIET_VOLUME, then one step worse per doubling, capped at MAX_PRIORITY. Logarithmic so a
 * moderately busy account is not parked behind a viral one, and a viral one still drains.
 */
export function priorityFor(recentCount: number): number {
  if (!(recentCount > QUIET_VOLUME)) return 1;
  return Math.min(MAX_PRIORITY, 1 + Math.ceil(Math.log2(recentCount / QUIET_VOLUME)));
}

/** Sliding estimate of the last BUCKET_MS: all of the current bucket plus the still-overlapping share of the previous one. */
export function recentVolume(current: number, previous: number, elapsedInBucketMs: number, bucketMs = BUCKET_MS): number {
  const elapsed = Math.min(Math.max(elapsedInBucketMs, 0), bucketMs);
  return current + Math.floor((previous * (bucketMs - elapsed)) / bucketMs);
}

/** KEYS: current bucket, previous bucket. ARGV: n, ttl ms. → {current, previous} */
const COUNT = new LuaScript(
  "queue:fair-priority",
  `
local current = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {current, tonumber(redis.call('GET', KEYS[2]) or 0)}
`,
);

/**
 * Counts `n` new events for `accountKey` and returns the BullMQ priority for them, in one
 * round trip. Buckets follow this process's clock: a replica a few ms off only moves a bucket
 * edge, which cannot change a priority by more than one step.
 */
export async function fairPriority(redis: ScriptClient, accountKey: string, n = 1, now = Date.now()): Promise<number> {
  const bucket = Math.floor(now / BUCKET_MS);
  const reply = (await COUNT.run(redis, [key("fair", accountKey, bucket), key("fair", accountKey, bucket - 1)], [n, 2 * BUCKET_MS + 1_000])) as [number, number];
  return priorityFor(recentVolume(reply[0], reply[1], now - bucket * BUCKET_MS));
}

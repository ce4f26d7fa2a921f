import { fairPriority } from "@/lib/queue/fair-priority";
import { redis } from "@/lib/redis";

/**
 * Fair-share priorities for the events queue without a Redis round trip per delivery: ingest
 * counts events per account in memory and flushes the counts every FLUSH_MS (one pipelined
 * round of lib/queue/fair-priority calls, summed across replicas in Redis), and each delivery
 * takes its account's priority as of the last flush. A flood is recognised within FLUSH_MS;
 * the webhook's answer never waits for it (awaiting it per delivery cost ingest a fifth of its
 * throughput).
 */
const FLUSH_MS = 100;
const MAX_ACCOUNTS = 100_000;

const pending = new Map<string, number>();
const known = new Map<string, number>();
let timer: NodeJS.Timeout | undefined;

async function flush(): Promise<void> {
  timer = undefined;
  const counts = [...pending];
  pending.clear();
  await Promise.all(
    counts.map(async ([accountId, n]) => {
      try {
        if (known.size >= MAX_ACCOUNTS) known.clear();
        known.set(accountId, await fairPriority(redis(), accountId, n));
      } catch {
        // Redis hiccup: keep the last known priority; the next flush recounts.
      }
    }),
  );
}

/** Counts `n` events for the account and returns its current priority (1 = best). */
export function accountPriority(accountId: string, n = 1): number {
  pending.set(accountId, (pending.get(accountId) ?? 0) + n);
  if (!timer) {
    timer = setTimeout(() => void flush(), FLUSH_MS);
    timer.unref();
  }
  return known.get(accountId) ?? 1;
}

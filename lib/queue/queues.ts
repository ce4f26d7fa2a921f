import { Queue, type ConnectionOptions, type DefaultJobOptions } from "bullmq";
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import { createRedis } from "@/lib/redis";

/**
 * The queues of SPEC §2. Names may never be merged: operators scale and watch them apart, and
 * a slow maintenance job must never sit in front of a DM.
 */
export const QUEUE_NAMES = ["events", "outbound", "maintenance", "notifications", "reports"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Bounded retention (formbricks' numbers): enough to debug, never an unbounded Redis. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1_000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

export function bullPrefix(): string {
  return env().REDIS_PREFIX;
}

type QueueStore = { conn?: Redis; queues: Map<QueueName, Queue> };
const store = globalThis as unknown as { __replyflowQueues?: QueueStore };

/** Producer-side queue handle, shared per process. */
export function queue(name: QueueName): Queue {
  const s: QueueStore = (store.__replyflowQueues ??= { queues: new Map() });
  let q = s.queues.get(name);
  if (!q) {
    // No per-command timer here: producers bound their own waits (ingest answers 503 after
    // ENQUEUE_TIMEOUT_MS), and a timer per command measurably slows the hottest path.
    s.conn ??= createRedis("client", env().REDIS_URL, { commandTimeout: undefined });
    q = new Queue(name, {
      connection: s.conn as unknown as ConnectionOptions,
      prefix: bullPrefix(),
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    q.on("error", () => undefined);
    s.queues.set(name, q);
  }
  return q;
}

export async function closeQueues(): Promise<void> {
  const s = store.__replyflowQueues;
  store.__replyflowQueues = undefined;
  if (!s) return;
  await Promise.allSettled([...s.queues.values()].map((q) => q.close()));
  await s.conn?.quit().catch(() => s.conn?.disconnect());
}

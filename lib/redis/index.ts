import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/lib/env";

/**
 * Redis connections. BullMQ workers need `maxRetriesPerRequest: null` (blocking commands must
 * wait out reconnects); everything that answers a request — caches, rate limits, health,
 * producers — fails fast instead, so a Redis outage becomes a clear error, not a hang.
 */
export type RedisPurpose = "client" | "worker";

export function createRedis(purpose: RedisPurpose, url = env().REDIS_URL, extra: RedisOptions = {}): Redis {
  const conn = new Redis(url, {
    lazyConnect: false,
    connectTimeout: 5_000,
    ...(purpose === "worker"
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : // Commands wait for the (re)connection, but never longer than commandTimeout: the first
        // request after boot succeeds, and a dead Redis is an error within 2 s, not a hang.
        { maxRetriesPerRequest: 1, enableOfflineQueue: true, commandTimeout: 2_000 }),
    ...extra,
  });
  // An unhandled 'error' event would crash the process; reconnects are ioredis's job.
  conn.on("error", () => undefined);
  return conn;
}

const store = globalThis as unknown as { __replyflowRedis?: Redis };

/** The shared fail-fast connection for caches, rate limits and health checks. */
export function redis(): Redis {
  store.__replyflowRedis ??= createRedis("client");
  return store.__replyflowRedis;
}

export async function closeRedis(): Promise<void> {
  const r = store.__replyflowRedis;
  store.__replyflowRedis = undefined;
  if (r) await r.quit().catch(() => r.disconnect());
}

/** Key under the deployment's prefix; the braces keep all keys in one Redis Cluster slot. */
export function key(...parts: (string | number)[]): string {
  return `${env().REDIS_PREFIX}:${parts.join(":")}`;
}

import type { Redis } from "ioredis";
import { createRedis } from "@/lib/redis";

const store = globalThis as unknown as { __replyflowHotRedis?: Redis };

/**
 * The Redis connection of the send hot path (rate-limit grants), with ioredis auto-pipelining:
 * the hundreds of concurrent sends of a worker issue their EVALSHAs in the same event-loop
 * turns, and auto-pipelining writes each turn's commands to the socket at once instead of one
 * write per command. Same fail-fast settings as lib/redis's shared client otherwise.
 */
export function hotRedis(): Redis {
  store.__replyflowHotRedis ??= createRedis("client", undefined, { enableAutoPipelining: true });
  return store.__replyflowHotRedis;
}

export async function closeHotRedis(): Promise<void> {
  const r = store.__replyflowHotRedis;
  store.__replyflowHotRedis = undefined;
  if (r) await r.quit().catch(() => r.disconnect());
}

import { randomBytes } from "node:crypto";
import { key } from "@/lib/redis";
import type { RateClass } from "./classes";

/**
 * Redis keys of one account's limiter state. All carry the deployment prefix (and with it the
 * Cluster hash tag), so one script may touch the log, the cooldown and the usage together.
 */
export const rateKeys = {
  /** Granted calls, ZSET of µs timestamps, at most `limit` members. */
  log: (accountId: string, cls: RateClass) => key("rl", accountId, "log", cls),
  /** Scheduled sends, ZSET of ms timestamps, at most `limit` members. */
  reservations: (accountId: string, cls: RateClass) => key("rl", accountId, "resv", cls),
  /** Account-wide pause: value = reason, TTL = remaining time. */
  cooldown: (accountId: string) => key("rl", accountId, "cooldown"),
  /** Latest `X-Business-Use-Case-Usage` reading, HASH {pct}, expires when it goes stale. */
  usage: (accountId: string) => key("rl", accountId, "usage"),
};

// Log members must be unique across every worker process; a random per-process tag plus a
// counter is, without a Redis round trip or a timestamp that two processes could share.
const PROCESS_TAG = randomBytes(6).toString("base64url");
let seq = 0;

export function nextToken(): string {
  seq = (seq + 1) % Number.MAX_SAFE_INTEGER;
  return `${PROCESS_TAG}.${seq.toString(36)}`;
}

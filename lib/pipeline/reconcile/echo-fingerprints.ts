import { createHash } from "node:crypto";
import { key, redis } from "@/lib/redis";

/**
 * What Instagram echoed back, by (account, recipient or parent comment, text), for 24 hours:
 * a reconcile that runs after the echo (or instead of seeing it, in another process) finds
 * the message ids here. A list, because one person can receive the same text twice; capped.
 */
const TTL_S = 24 * 3_600;
const MAX_PER_KEY = 20;

/** `recipient` is the person's IGSID for messages, `c:<parent comment id>` for public replies. */
export function echoFingerprintKey(accountId: string, target: string, text: string): string {
  return key("echo", accountId, target, createHash("sha1").update(text).digest("hex"));
}

export async function rememberEcho(accountId: string, target: string, text: string, id: string): Promise<void> {
  const k = echoFingerprintKey(accountId, target, text);
  await redis().multi().lpush(k, id).ltrim(k, 0, MAX_PER_KEY - 1).expire(k, TTL_S).exec();
}

export async function findEchoes(accountId: string, target: string, text: string): Promise<string[]> {
  return redis().lrange(echoFingerprintKey(accountId, target, text), 0, MAX_PER_KEY - 1);
}

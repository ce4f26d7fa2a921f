import { createHash } from "node:crypto";

/** WebhookEvent.dedupeKey is a VARCHAR(191) (utf8mb4 index limit). */
export const DEDUPE_KEY_MAX = 191;
const HASH_HEX = 64;
const HEAD = DEDUPE_KEY_MAX - HASH_HEX - 1;

/**
 * Joins the parts with ':' and keeps the result within 191 chars. A longer key keeps a
 * readable head and replaces the rest with the sha256 of the whole key, so two long keys that
 * share a head still differ. Same input, same key: redeliveries collide as they must.
 */
export function dedupeKey(prefix: string, ...parts: (string | number)[]): string {
  const key = [prefix, ...parts].join(":");
  if (key.length <= DEDUPE_KEY_MAX) return key;
  let head = key.slice(0, HEAD);
  // Never cut an emoji in half: a lone surrogate is not valid UTF-8 for the database.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}#${createHash("sha256").update(key).digest("hex")}`;
}

import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

let salt: Buffer | undefined;

/**
 * Enough to count unique visitors per day, useless to identify anyone: an HMAC of day, IP and
 * user agent under a key derived from the app secret (never stored), so the hash cannot be
 * reversed by trying every IPv4 address, nor joined across days.
 */
export function visitorHash(ip: string | undefined, userAgent: string | undefined, at: Date): string {
  salt ??= createHmac("sha256", env().AUTH_SECRET).update("replyflow:link-visitor").digest();
  return createHmac("sha256", salt)
    .update(`${at.toISOString().slice(0, 10)}|${ip ?? ""}|${userAgent ?? ""}`)
    .digest("hex");
}

import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets we hand out (API keys, invitation and password-reset tokens) are 32 random bytes,
 * and only their SHA-256 is stored: a database leak yields nothing usable, and a lookup by
 * hash needs no constant-time comparison because the attacker does not control the hash.
 */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

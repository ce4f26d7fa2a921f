import { API_KEY_SCOPES, type Permission } from "@/lib/tenancy/permissions";
import { randomToken, sha256Hex } from "@/lib/security/tokens";

/**
 * `rf_live_` + 32 random bytes (base64url). The prefix makes a leaked key recognisable to
 * secret scanners; the first 12 characters are kept to tell keys apart in lists.
 */
export const API_KEY_PREFIX = "rf_live_";
const FORMAT = /^rf_live_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = 12;

export function generateApiKey(): { key: string; prefix: string; hashedKey: string } {
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  return { key, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), hashedKey: sha256Hex(key) };
}

export function isApiKeyFormat(value: string): boolean {
  return FORMAT.test(value);
}

/** Scopes as stored (JSON); anything no longer grantable is dropped rather than trusted. */
export function parseScopes(stored: unknown): Permission[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((s): s is Permission => typeof s === "string" && (API_KEY_SCOPES as readonly string[]).includes(s));
}

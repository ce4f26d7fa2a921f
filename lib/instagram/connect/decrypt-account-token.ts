import { env } from "@/lib/env";
import { decryptToken } from "@/lib/crypto/token-cipher";

/**
 * The plaintext access token of an account row, for a Graph call and nothing else: never log
 * it, return it from an API or store it anywhere. Null when the row has none (disconnected).
 * Throws TokenCipherError when the row's key is no longer in TOKEN_ENCRYPTION_KEYS.
 */
export function decryptAccountToken(row: { accessTokenCiphertext: string | null }): string | null {
  return row.accessTokenCiphertext ? decryptToken(env().TOKEN_ENCRYPTION_KEYS, row.accessTokenCiphertext) : null;
}

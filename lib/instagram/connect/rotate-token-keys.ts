import { primary } from "@/lib/db";
import { env } from "@/lib/env";
import type { Logger } from "@/lib/logger";
import { parseKeyring, rotateToken, TokenCipherError } from "@/lib/crypto/token-cipher";

export type RotationResult = { rotated: number; failed: number; currentKeyId: string };

/**
 * Re-encrypts every stored token not under the keyring's current key, in batches, so an old
 * key can be removed from TOKEN_ENCRYPTION_KEYS once this has run. Global on purpose: it
 * rewrites one column by primary key and never reads anything a tenant owns beyond it. Each
 * write is conditional on the ciphertext it read, so a refresh or reconnect in between wins.
 * A token under a key already removed is counted and left for the refresh job to flag.
 */
export async function rotateTokenKeys(log: Logger, batch = 200): Promise<RotationResult> {
  const keyring = parseKeyring(env().TOKEN_ENCRYPTION_KEYS);
  const currentKeyId = keyring.current.id;
  let rotated = 0;
  let failed = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await primary().instagramAccount.findMany({
      where: {
        accessTokenCiphertext: { not: null },
        OR: [{ tokenKeyId: null }, { tokenKeyId: { not: currentKeyId } }],
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, accessTokenCiphertext: true },
      orderBy: { id: "asc" },
      take: batch,
    });
    for (const row of rows) {
      try {
        const next = rotateToken(keyring, row.accessTokenCiphertext!);
        const { count } = await primary().instagramAccount.updateMany({
          where: { id: row.id, accessTokenCiphertext: row.accessTokenCiphertext },
          data: { accessTokenCiphertext: next, tokenKeyId: currentKeyId },
        });
        rotated += count;
      } catch (err) {
        if (!(err instanceof TokenCipherError)) throw err;
        failed++;
        log.warn({ accountId: row.id, reason: err.code }, "token could not be re-encrypted");
      }
    }
    after = rows.at(-1)?.id;
    if (!after) break;
  }
  log.info({ rotated, failed, currentKeyId }, "token key rotation done");
  return { rotated, failed, currentKeyId };
}

import { env } from "@/lib/env";
import { encryptToken, parseKeyring } from "@/lib/crypto/token-cipher";
import type { TenantContext } from "@/lib/tenancy/context";
import { graph } from "../graph";
import { GraphError } from "../graph-errors";
import { tokenDueWhere } from "./find-tokens-due";
import { decryptAccountToken } from "./decrypt-account-token";
import { markReconnectRequired } from "./mark-reconnect-required";

export type RefreshOutcome = "refreshed" | "not_due" | "reconnect_required" | "failed";

/**
 * Refreshes one account's long-lived token if it is still due. An expired token, or one
 * Instagram rejects as invalid (190), makes the account reconnect_required; a transient or
 * throttled failure throws so the job retries; any other refusal is recorded on the row and
 * the next sweep tries again, long before the token runs out.
 */
export async function refreshAccountToken(ctx: TenantContext, accountId: string, now = new Date()): Promise<RefreshOutcome> {
  const row = await ctx.db.instagramAccount.findFirst({
    where: { id: accountId, ...tokenDueWhere(now) },
    select: { accessTokenCiphertext: true, tokenExpiresAt: true },
  });
  if (!row) return "not_due";
  if (row.tokenExpiresAt && row.tokenExpiresAt <= now) {
    await markReconnectRequired(ctx, accountId, { code: 190, subcode: 463, reason: "The Instagram token expired before it could be refreshed" });
    return "reconnect_required";
  }
  let token: string | null;
  try {
    token = decryptAccountToken(row);
  } catch {
    // The row's key left the keyring: the token is unreadable, so only a reconnect helps.
    await markReconnectRequired(ctx, accountId, { reason: "The stored Instagram token can no longer be decrypted" });
    return "reconnect_required";
  }
  if (!token) return "not_due";
  try {
    const fresh = await graph().refreshToken(token);
    const keyring = env().TOKEN_ENCRYPTION_KEYS;
    // Only if nobody replaced the token meanwhile (a reconnect, a concurrent refresh).
    const { count } = await ctx.db.instagramAccount.updateMany({
      where: { id: accountId, accessTokenCiphertext: row.accessTokenCiphertext },
      data: {
        accessTokenCiphertext: encryptToken(keyring, fresh.accessToken),
        tokenKeyId: parseKeyring(keyring).current.id,
        tokenIssuedAt: now,
        tokenExpiresAt: new Date(now.getTime() + fresh.expiresIn * 1000),
      },
    });
    ctx.log.info({ accountId, replaced: count === 1 }, "instagram token refreshed");
    return "refreshed";
  } catch (err) {
    if (!(err instanceof GraphError)) throw err;
    const c = err.classification;
    if (c.class === "auth") {
      await markReconnectRequired(ctx, accountId, { code: c.code, subcode: c.subcode, reason: c.reason });
      return "reconnect_required";
    }
    if (c.class === "transient" || c.class === "throttled") throw err;
    await ctx.db.instagramAccount.update({ where: { id: accountId }, data: { lastErrorCode: c.code ?? null, lastErrorSubcode: c.subcode ?? null, lastErrorAt: now } });
    ctx.log.warn({ accountId, class: c.class, code: c.code, subcode: c.subcode }, "instagram token refresh refused");
    return "failed";
  }
}

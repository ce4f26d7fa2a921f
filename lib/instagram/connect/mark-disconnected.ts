import { redis } from "@/lib/redis";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { publishAccount } from "../account-directory";
import { decryptAccountToken } from "./decrypt-account-token";
import { ACCOUNT_SELECT } from "./present-account";

type Change = { action: string; metadata?: Record<string, string | number | boolean | null> };

/**
 * Moves an account to `disconnected` and wipes its token, with the audit row in the same
 * transaction, then tells the ingest directory (events for it are dropped from then on).
 * Returns the token as it was, so the caller may still use it once (best-effort unsubscribe),
 * or null when the row had none or its key is gone. A row already disconnected is left as is.
 */
export async function markDisconnected(ctx: TenantContext, accountId: string, change: Change) {
  const result = await ctx.db.$transaction(async (tx) => {
    const before = await tx.instagramAccount.findUnique({
      where: { id: accountId },
      select: { id: true, status: true, igUserId: true, accessTokenCiphertext: true },
    });
    if (!before) return null;
    if (before.status === "disconnected") {
      return { row: await tx.instagramAccount.findUniqueOrThrow({ where: { id: accountId }, select: ACCOUNT_SELECT }), token: null, changed: false };
    }
    const row = await tx.instagramAccount.update({
      where: { id: accountId },
      data: {
        status: "disconnected",
        disconnectedAt: new Date(),
        accessTokenCiphertext: null,
        tokenKeyId: null,
        tokenIssuedAt: null,
        tokenExpiresAt: null,
        subscribedFields: [],
      },
      select: ACCOUNT_SELECT,
    });
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: change.action,
        targetType: "instagram_account",
        targetId: accountId,
        metadata: { username: row.username, igUserId: row.igUserId, previousStatus: before.status, ...change.metadata },
      },
    });
    let token: string | null = null;
    try {
      token = decryptAccountToken(before);
    } catch {
      token = null; // its key was removed: nothing left to unsubscribe with
    }
    return { row, token, changed: true };
  });
  if (result?.changed) {
    await publishAccount(redis(), { igUserId: result.row.igUserId, tenantId: ctx.tenant.id, id: result.row.id, status: "disconnected" });
    ctx.log.info({ accountId, action: change.action }, "instagram account disconnected");
  }
  return result;
}

import type { Logger } from "@/lib/logger";
import { findAccountsForMetaUser, issuedBeforeConnection } from "./find-accounts-for-meta-user";
import { markDisconnected } from "./mark-disconnected";
import { systemContext } from "./system-context";
import { verifyMetaSignedRequest } from "./verify-meta-signed-request";

/**
 * Meta's deauthorize callback: the person removed Replyflow from their Instagram account. The
 * account is disconnected (token wiped, events dropped, sends stop) instead of collecting 190
 * errors until someone notices. Nothing is touched unless the signature verifies.
 */
export async function handleDeauthorize(signedRequest: string, log: Logger, meta: { ip?: string; userAgent?: string } = {}): Promise<{ disconnected: number }> {
  const payload = verifyMetaSignedRequest(signedRequest);
  let disconnected = 0;
  for (const account of await findAccountsForMetaUser(payload.user_id)) {
    if (account.status === "disconnected") continue;
    if (issuedBeforeConnection(payload.issued_at, account.connectedAt)) {
      log.info({ accountId: account.id }, "deauthorize predates the account's latest connection; ignored");
      continue;
    }
    const ctx = await systemContext(account.tenantId, log, meta);
    if (!ctx) continue;
    const result = await markDisconnected(ctx, account.id, { action: "instagram_account.deauthorized" });
    if (result?.changed) disconnected++;
  }
  log.info({ disconnected }, "deauthorize callback handled");
  return { disconnected };
}

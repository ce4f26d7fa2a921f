import { env } from "@/lib/env";
import { primary } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { randomToken } from "@/lib/security/tokens";
import { findAccountsForMetaUser, issuedBeforeConnection } from "./find-accounts-for-meta-user";
import { eraseAccountDataJob } from "./jobs";
import { markDisconnected } from "./mark-disconnected";
import { systemContext } from "./system-context";
import { verifyMetaSignedRequest } from "./verify-meta-signed-request";

export type DataDeletionAnswer = { url: string; confirmation_code: string };

export function dataDeletionStatusUrl(code: string): string {
  return new URL(`/data-deletion/${code}`, env().APP_URL).toString();
}

/**
 * Meta's data-deletion callback (reference §5). Records the request under a random
 * confirmation code, disconnects the account, and hands the erasure of its contacts' data to
 * a job: an account can hold millions of rows, and Meta wants its answer now. If the enqueue
 * fails the request stays `pending` and the data-deletion sweep picks it up. A request that
 * matches no account is recorded as completed: there is nothing of theirs to erase.
 */
export async function requestDataDeletion(signedRequest: string, log: Logger, meta: { ip?: string; userAgent?: string } = {}): Promise<DataDeletionAnswer> {
  const payload = verifyMetaSignedRequest(signedRequest);
  const [account] = await findAccountsForMetaUser(payload.user_id);
  const ctx = account ? await systemContext(account.tenantId, log, meta) : null;
  const confirmationCode = randomToken(12);
  const request = await primary().dataDeletionRequest.create({
    data: {
      confirmationCode,
      igUserId: payload.user_id,
      tenantId: ctx ? account!.tenantId : null,
      accountId: ctx ? account!.id : null,
      ...(ctx ? {} : { status: "completed" as const, completedAt: new Date() }),
    },
  });
  if (ctx && account) {
    if (!issuedBeforeConnection(payload.issued_at, account.connectedAt)) {
      await markDisconnected(ctx, account.id, { action: "instagram_account.data_deletion_requested", metadata: { confirmationCode } });
    }
    await eraseAccountDataJob
      .enqueue({ tenantId: account.tenantId, accountId: account.id, deletionRequestId: request.id })
      .catch((err: unknown) => log.warn({ err: String(err), deletionRequestId: request.id }, "erasure not enqueued; the data-deletion sweep will retry"));
  }
  log.info({ deletionRequestId: request.id, matched: !!ctx }, "data-deletion request recorded");
  return { url: dataDeletionStatusUrl(confirmationCode), confirmation_code: confirmationCode };
}

import type { Logger } from "pino";
import { markReconnectRequired } from "@/lib/instagram/connect/mark-reconnect-required";
import { systemContext } from "@/lib/instagram/connect/system-context";
import { accountCache, type PipelineAccount } from "../cache/account-cache";

/**
 * Instagram no longer accepts the account's token (190): the account becomes
 * `reconnect_required` — its sends park, other accounts are untouched — through the one
 * implementation the connection flow uses too (status, audit log, account directory for
 * ingest, one email to the owners). Only the call that flips the status notifies, however many
 * sends hit the dead token at once.
 */
export async function requireReconnect(account: PipelineAccount, error: { code?: number; subcode?: number; reason: string }, log: Logger): Promise<void> {
  accountCache.forget(account.tenantId, account.id);
  const ctx = await systemContext(account.tenantId, log);
  if (ctx) await markReconnectRequired(ctx, account.id, error);
}

import type { TenantContext } from "@/lib/tenancy/context";
import { graph } from "../graph";
import { GraphError } from "../graph-errors";
import { WEBHOOK_FIELDS } from "./connect-config";
import { decryptAccountToken } from "./decrypt-account-token";
import { markReconnectRequired } from "./mark-reconnect-required";

export type SubscriptionCheck = { outcome: "ok" | "resubscribed" | "skipped" | "reconnect_required" | "failed"; missing: string[] };

/**
 * Asks Instagram which webhook fields the account is really subscribed to, and subscribes
 * again when any is missing — subscriptions silently vanish (app removed and re-added, a
 * Messenger-style unsubscribe after failed deliveries, a field renamed) and then events just
 * stop. The row keeps what Instagram last said.
 */
export async function checkAccountSubscription(ctx: TenantContext, accountId: string): Promise<SubscriptionCheck> {
  const row = await ctx.db.instagramAccount.findFirst({
    where: { id: accountId, status: "active" },
    select: { igUserId: true, accessTokenCiphertext: true },
  });
  const token = row ? safeDecrypt(row) : null;
  if (!row || !token) return { outcome: "skipped", missing: [] };
  const g = graph();
  try {
    const { subscribedFields } = await g.getSubscribedApps(token, row.igUserId);
    const missing = WEBHOOK_FIELDS.filter((f) => !subscribedFields.includes(f));
    if (missing.length > 0) await g.subscribeApp(token, row.igUserId, [...WEBHOOK_FIELDS]);
    const now = missing.length > 0 ? [...WEBHOOK_FIELDS] : subscribedFields;
    await ctx.db.instagramAccount.update({ where: { id: accountId }, data: { subscribedFields: now } });
    if (missing.length > 0) ctx.log.warn({ accountId, missing }, "webhook fields were missing; subscribed again");
    return { outcome: missing.length > 0 ? "resubscribed" : "ok", missing };
  } catch (err) {
    if (!(err instanceof GraphError)) throw err;
    const c = err.classification;
    if (c.class === "auth") {
      await markReconnectRequired(ctx, accountId, { code: c.code, subcode: c.subcode, reason: c.reason });
      return { outcome: "reconnect_required", missing: [] };
    }
    if (c.class === "transient" || c.class === "throttled") throw err;
    ctx.log.warn({ accountId, class: c.class, code: c.code, subcode: c.subcode }, "webhook subscription check refused");
    return { outcome: "failed", missing: [] };
  }
}

function safeDecrypt(row: { accessTokenCiphertext: string | null }): string | null {
  try {
    return decryptAccountToken(row);
  } catch {
    return null; // unreadable under the current keyring; the refresh job flags the account
  }
}

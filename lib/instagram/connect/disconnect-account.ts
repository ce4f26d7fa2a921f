import { notFound } from "@/lib/api/errors";
import { assertCan } from "@/lib/tenancy/authorize";
import type { TenantContext } from "@/lib/tenancy/context";
import { graph } from "../graph";
import { GraphError } from "../graph-errors";
import { markDisconnected } from "./mark-disconnected";
import { presentAccount, type PresentedAccount } from "./present-account";

/**
 * A member disconnects an account: it stops receiving events and sending at once, its token is
 * wiped, and Instagram is asked to stop the webhooks. That last step is best effort — the
 * token may already be dead — and ingest drops a disconnected account's events anyway.
 */
export async function disconnectAccount(ctx: TenantContext, accountId: string): Promise<PresentedAccount> {
  assertCan(ctx, "accounts.manage");
  const result = await markDisconnected(ctx, accountId, { action: "instagram_account.disconnected" });
  if (!result) throw notFound("No such Instagram account in this workspace.");
  if (result.token) {
    try {
      await graph().unsubscribeApp(result.token, result.row.igUserId);
    } catch (err) {
      const c = err instanceof GraphError ? err.classification : undefined;
      ctx.log.warn({ accountId, class: c?.class, code: c?.code, subcode: c?.subcode }, "unsubscribing the disconnected account failed; ingest drops its events anyway");
    }
  }
  return presentAccount(result.row);
}

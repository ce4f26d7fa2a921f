import { ApiError } from "@/lib/api/errors";
import { resumeParkedSends } from "@/lib/pipeline/outbound/resume-parked-sends";
import { redis } from "@/lib/redis";
import { assertCan } from "@/lib/tenancy/authorize";
import type { UserTenantContext } from "@/lib/tenancy/context";
import { publishAccount } from "../account-directory";
import { graph, oauthRedirectUri } from "../graph";
import { assertAccountSlot } from "./assert-account-slot";
import { CONNECT_SCOPES, WEBHOOK_FIELDS } from "./connect-config";
import { findAccountOwner } from "./find-account-owner";
import { instagramFailure } from "./instagram-failure";
import { presentAccount, type PresentedAccount } from "./present-account";
import { OTHER_WORKSPACE, saveConnectedAccount } from "./save-connected-account";

export type ConnectOutcome = { account: PresentedAccount; reconnected: boolean };

/**
 * Steps 3–7 of Instagram Login (reference §4.1) once the state is verified: code → short-lived
 * token → long-lived token → `/me` (the professional `user_id`, not the app-scoped `id`) →
 * webhook subscription → the account row, active. Reconnecting an account the workspace holds
 * refreshes it in place whatever its status; an account held by another workspace is refused
 * before anything about it changes.
 */
export async function completeConnection(ctx: UserTenantContext, input: { code: string }): Promise<ConnectOutcome> {
  assertCan(ctx, "accounts.manage");
  const g = graph();
  const grant = await g.exchangeCode({ code: input.code, redirectUri: oauthRedirectUri() }).catch((err) => {
    throw instagramFailure(err, ctx.log, "confirm the connection");
  });
  const missing = CONNECT_SCOPES.filter((s) => !grant.permissions.includes(s));
  if (missing.length > 0) {
    throw new ApiError("instagram_permissions_missing", `Replyflow needs every permission it asks for; missing: ${missing.join(", ")}. Connect again and keep them all selected.`);
  }
  const issuedAt = new Date();
  const long = await g.exchangeLongLived(grant.accessToken).catch((err) => {
    throw instagramFailure(err, ctx.log, "issue a long-lived token");
  });
  const me = await g.me(long.accessToken).catch((err) => {
    throw instagramFailure(err, ctx.log, "identify the account");
  });
  const log = ctx.log.child({ igUserId: me.userId });

  const owner = await findAccountOwner(me.userId);
  if (owner && owner !== ctx.tenant.id) throw new ApiError("account_in_other_workspace", OTHER_WORKSPACE);
  const existing = await ctx.db.instagramAccount.findUnique({ where: { igUserId: me.userId }, select: { id: true, status: true } });
  if (!existing || existing.status === "disconnected") await assertAccountSlot(ctx);

  await g.subscribeApp(long.accessToken, me.userId, [...WEBHOOK_FIELDS]).catch((err) => {
    throw instagramFailure(err, log, "subscribe to the account's comments and messages");
  });
  const row = await saveConnectedAccount(ctx, {
    me,
    appScopedUserId: grant.userId,
    accessToken: long.accessToken,
    issuedAt,
    expiresInSeconds: long.expiresIn,
    grantedScopes: grant.permissions,
    existing,
  });

  await publishAccount(redis(), { igUserId: row.igUserId, tenantId: ctx.tenant.id, id: row.id, status: row.status });
  if (existing && existing.status !== "active") {
    // Sends parked while the account could not send go out now; the outbound sweep is the backstop.
    await resumeParkedSends(row.id).catch((err: unknown) => log.warn({ accountId: row.id, err: String(err) }, "parked sends not resumed; the sweep will"));
  }
  log.info({ accountId: row.id, reconnected: !!existing, previousStatus: existing?.status }, "instagram account connected");
  return { account: presentAccount(row), reconnected: !!existing };
}

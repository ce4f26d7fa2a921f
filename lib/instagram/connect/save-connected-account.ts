import { ApiError } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptToken, parseKeyring } from "@/lib/crypto/token-cipher";
import { auditActor, type UserTenantContext } from "@/lib/tenancy/context";
import type { GraphMe } from "../graph-client";
import { WEBHOOK_FIELDS } from "./connect-config";
import { findAccountOwner } from "./find-account-owner";
import { ACCOUNT_SELECT } from "./present-account";

export const OTHER_WORKSPACE = "This Instagram account is already connected to another Replyflow workspace. Disconnect it there first.";

export type ConnectedAccountInput = {
  me: GraphMe;
  appScopedUserId: string;
  accessToken: string;
  issuedAt: Date;
  expiresInSeconds: number;
  grantedScopes: string[];
  /** The workspace's row for this Instagram account, if it already had one. */
  existing: { id: string; status: string } | null;
};

/**
 * Writes the connected account — created, or refreshed in place on a reconnect — as `active`
 * with its token encrypted under the keyring's current key, and the audit row in the same
 * transaction. The unique igUserId settles a race between two workspaces: exactly one wins.
 */
export async function saveConnectedAccount(ctx: UserTenantContext, input: ConnectedAccountInput) {
  const { me, existing, issuedAt } = input;
  const keyring = env().TOKEN_ENCRYPTION_KEYS;
  const fields = {
    appScopedUserId: input.appScopedUserId,
    username: me.username ?? me.userId,
    name: me.name ?? null,
    profilePictureUrl: me.profilePictureUrl ?? null,
    accessTokenCiphertext: encryptToken(keyring, input.accessToken),
    tokenKeyId: parseKeyring(keyring).current.id,
    tokenIssuedAt: issuedAt,
    tokenExpiresAt: new Date(issuedAt.getTime() + input.expiresInSeconds * 1000),
    grantedScopes: input.grantedScopes.join(","),
    status: "active" as const,
    subscribedFields: [...WEBHOOK_FIELDS],
    lastErrorCode: null,
    lastErrorSubcode: null,
    lastErrorAt: null,
    disconnectedAt: null,
  };
  try {
    return await ctx.db.$transaction(async (tx) => {
      const saved = existing
        ? await tx.instagramAccount.update({ where: { id: existing.id }, data: { ...fields, connectedAt: issuedAt }, select: ACCOUNT_SELECT })
        : await tx.instagramAccount.create({ data: { tenantId: ctx.tenant.id, igUserId: me.userId, ...fields }, select: ACCOUNT_SELECT });
      await tx.auditLog.create({
        data: {
          tenantId: ctx.tenant.id,
          ...auditActor(ctx),
          action: existing ? "instagram_account.reconnected" : "instagram_account.connected",
          targetType: "instagram_account",
          targetId: saved.id,
          metadata: { username: saved.username, igUserId: me.userId, ...(existing ? { previousStatus: existing.status } : {}) },
        },
      });
      return saved;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    if ((await findAccountOwner(me.userId)) === ctx.tenant.id) throw new ApiError("conflict", "This account was just connected from another tab.");
    throw new ApiError("account_in_other_workspace", OTHER_WORKSPACE);
  }
}

import { env } from "@/lib/env";
import { assertCan } from "@/lib/tenancy/authorize";
import type { UserTenantContext } from "@/lib/tenancy/context";
import { graph, oauthRedirectUri } from "../graph";
import { createOAuthState } from "../oauth-state";
import { CONNECT_SCOPES, CONNECT_STATE_TTL_MS } from "./connect-config";

/**
 * Step 1 of Instagram Login: the consent URL the browser is sent to. The signed `state` names
 * this workspace and this member, so the callback attaches the account only where the flow
 * started, and only for the person who started it. The plan's account limit is checked on the
 * way back, once we know whether this is a new account or one the workspace already holds.
 */
export async function startConnection(ctx: UserTenantContext): Promise<{ url: string; expiresAt: string }> {
  assertCan(ctx, "accounts.manage");
  const { state, payload } = createOAuthState(env().AUTH_SECRET, { tenantId: ctx.tenant.id, userId: ctx.user.id }, { ttlMs: CONNECT_STATE_TTL_MS });
  const url = graph().authorizeUrl({ redirectUri: oauthRedirectUri(), state, scopes: [...CONNECT_SCOPES] });
  ctx.log.info("instagram connection started");
  return { url, expiresAt: new Date(payload.exp * 1000).toISOString() };
}

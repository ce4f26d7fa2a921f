import { ApiError } from "@/lib/api/errors";
import { readSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { requestMeta } from "@/lib/security/request-meta";
import type { UserTenantContext } from "@/lib/tenancy/context";
import { resolveMembership } from "@/lib/tenancy/resolve-membership";
import { claimConnectState } from "./claim-connect-state";
import { completeConnection } from "./complete-connection";
import { ZCallbackQuery } from "./schemas";
import { verifyConnectState } from "./verify-connect-state";

export type CallbackResult = { kind: "redirect"; location: string } | { kind: "error"; status: number; message: string };

const NOT_YOURS = "Sign in as the member who started this connection, then start it again from the accounts page.";

/**
 * Instagram's redirect back to us (`?code&state`, or `?error` when the person declined). The
 * state must verify, belong to the member whose session comes back with it — otherwise a
 * forwarded link could attach the visitor's Instagram account to someone else's workspace —
 * and be used for the first time; the member must still be allowed to connect accounts.
 * Then the browser goes back to the accounts page with `?connected=` or a stable `?error=`.
 */
export async function handleOAuthCallback(query: URLSearchParams, headers: Headers, log: Logger, requestId: string): Promise<CallbackResult> {
  try {
    const q = ZCallbackQuery.safeParse(Object.fromEntries(query));
    if (!q.success) throw new ApiError("bad_request", "Instagram's answer was not understood. Start again from the accounts page.");
    const state = verifyConnectState(q.data.state);
    const user = await readSessionUser(headers);
    if (!user || user.id !== state.userId) throw new ApiError("forbidden", NOT_YOURS);
    await claimConnectState(state);
    const membership = await resolveMembership(user.id, { id: state.tenantId });
    if (!membership) throw new ApiError("not_found", "This workspace no longer exists, or you are no longer a member.");

    const back = `/w/${membership.tenant.slug}/accounts`;
    if (q.data.error || !q.data.code) {
      log.info({ tenantId: state.tenantId, reason: q.data.error_reason ?? q.data.error }, "instagram connection declined");
      return { kind: "redirect", location: `${back}?error=${q.data.error ? "denied" : "bad_request"}` };
    }
    const { db, read } = getDb(membership.tenant.id);
    const ctx: UserTenantContext = {
      tenant: membership.tenant,
      user: { id: user.id, email: user.email, name: user.name },
      role: membership.role,
      db,
      read,
      log: log.child({ tenantId: membership.tenant.id, userId: user.id }),
      requestId,
      ...requestMeta(headers),
    };
    try {
      const { account } = await completeConnection(ctx, { code: q.data.code });
      return { kind: "redirect", location: `${back}?connected=${encodeURIComponent(account.username)}` };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      ctx.log.info({ code: err.code }, "instagram connection refused");
      return { kind: "redirect", location: `${back}?error=${err.code}` };
    }
  } catch (err) {
    if (err instanceof ApiError) return { kind: "error", status: err.status, message: err.message };
    log.error({ err }, "instagram callback failed");
    return { kind: "error", status: 500, message: `Something went wrong on our side (request ${requestId}). Please try again.` };
  }
}

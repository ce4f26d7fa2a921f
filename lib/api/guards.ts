import type { Principal } from "@/lib/auth/authenticate-request";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { env } from "@/lib/env";
import { rateLimitHeaders, type LimitVerdict } from "@/lib/ratelimit/web-limits";
import { isCrossSite, needsCsrfCheck, ownOrigins } from "@/lib/security/csrf";
import { ApiError } from "./errors";
import { enforceLimit } from "./rate-limit";
import type { RequestScope } from "./route";

/** 401 unless the request carries a live API key or session; CSRF-checked when it is a cookie. */
export async function requirePrincipal(request: Request, scope: RequestScope): Promise<Principal> {
  const principal = await authenticateRequest(request.headers);
  if (!principal) throw new ApiError("unauthenticated", "Send a valid API key as `Authorization: Bearer …`, or sign in.");
  const url = new URL(request.url);
  if (
    principal.kind === "user" &&
    needsCsrfCheck(request.method, url.pathname, request.headers) &&
    isCrossSite(request.headers, ownOrigins(request.url, env().APP_URL))
  ) {
    throw new ApiError("csrf_failed", "This request came from another site.");
  }
  scope.log = scope.log.child(principal.kind === "user" ? { userId: principal.user.id } : { apiKeyId: principal.apiKey.id, tenantId: principal.tenant.id });
  return principal;
}

/**
 * Per API key (or user) and per workspace. The headers describe whichever budget is closer to
 * running out; a refusal carries Retry-After.
 */
export async function applyApiRateLimits(principal: Principal, tenantId: string | undefined, scope: RequestScope): Promise<void> {
  const who = principal.kind === "apiKey" ? `key:${principal.apiKey.id}` : `user:${principal.user.id}`;
  const verdicts: LimitVerdict[] = [await enforceLimit("apiPrincipal", who)];
  if (tenantId) verdicts.push(await enforceLimit("apiTenant", tenantId));
  const tightest = verdicts.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  for (const [k, v] of Object.entries(rateLimitHeaders(tightest))) scope.headers.set(k, v);
}

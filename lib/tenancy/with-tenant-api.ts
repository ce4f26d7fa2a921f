import type { z } from "zod";
import { ApiError, notFound } from "@/lib/api/errors";
import { applyApiRateLimits, requirePrincipal } from "@/lib/api/guards";
import { parseBody, parseQuery } from "@/lib/api/parse";
import { apiRoute, json, type RouteParams } from "@/lib/api/route";
import type { Principal } from "@/lib/auth/authenticate-request";
import { getDb } from "@/lib/db";
import { requestMeta } from "@/lib/security/request-meta";
import { assertCan } from "./authorize";
import type { ApiKeyPrincipal, TenantContext, TenantInfo, UserPrincipal } from "./context";
import type { Permission, Role } from "./permissions";
import { resolveMembership } from "./resolve-membership";

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export const WORKSPACE_HEADER = "x-workspace";

export type TenantRouteOptions<P, Q, B> = {
  permission: Permission;
  /** Path params; a value that does not fit is a 404 (it names nothing that exists). */
  params?: P;
  query?: Q;
  body?: B;
  /** The path param that names the workspace itself (`/workspaces/[workspaceId]`); otherwise `x-workspace`. */
  workspaceParam?: string;
  status?: number;
};

/**
 * The wrapper for every /api/v1 route that acts inside a workspace. In order: authenticate
 * (API key or session, CSRF for cookies), resolve the workspace (the key's own; for a session
 * the `x-workspace` header, and membership read fresh), rate-limit (per key or user, per
 * workspace), check the permission, validate input, then hand the service a typed ctx whose
 * `db` cannot reach another tenant. A workspace the caller does not belong to is a 404.
 */
export function withTenantApi<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  opts: TenantRouteOptions<P, Q, B>,
  handler: (ctx: TenantContext, input: { params: Infer<P>; query: Infer<Q>; body: Infer<B> }) => Promise<unknown>,
) {
  const route = apiRoute<RouteParams>(async (request, rawParams, scope) => {
    const principal = await requirePrincipal(request, scope);
    const named = opts.workspaceParam ? String(rawParams[opts.workspaceParam] ?? "") : request.headers.get(WORKSPACE_HEADER)?.trim();
    const { tenant, actor } = await resolveWorkspace(principal, named || undefined);
    scope.log = scope.log.child({ tenantId: tenant.id });
    await applyApiRateLimits(principal, tenant.id, scope);

    const { db, read } = getDb(tenant.id);
    const ctx: TenantContext = { tenant, db, read, log: scope.log, requestId: scope.requestId, ...requestMeta(request.headers), ...actor };
    assertCan(ctx, opts.permission);

    const params = opts.params ? opts.params.safeParse(rawParams) : undefined;
    if (params && !params.success) throw notFound();
    const query = (opts.query ? parseQuery(request, opts.query) : undefined) as Infer<Q>;
    const body = (opts.body ? await parseBody(request, opts.body) : undefined) as Infer<B>;
    const result = await handler(ctx, { params: params?.data as Infer<P>, query, body });
    return result instanceof Response ? result : json(result, opts.status);
  });
  // Read by the route-matrix test, which checks each route enforces the permission it documents.
  return Object.assign(route, { permission: opts.permission });
}

type Actor = { user: UserPrincipal; role: Role } | { apiKey: ApiKeyPrincipal; role: null };

async function resolveWorkspace(principal: Principal, named: string | undefined): Promise<{ tenant: TenantInfo; actor: Actor }> {
  if (principal.kind === "apiKey") {
    // A key belongs to one workspace; naming any other one finds nothing.
    if (named && named !== principal.tenant.id) throw notFound();
    return { tenant: principal.tenant, actor: { apiKey: principal.apiKey, role: null } };
  }
  if (!named) throw new ApiError("workspace_required", `Name the workspace with the ${WORKSPACE_HEADER} header (its id).`);
  const membership = await resolveMembership(principal.user.id, { id: named });
  if (!membership) throw notFound();
  const { id, email, name } = principal.user;
  return { tenant: membership.tenant, actor: { user: { id, email, name }, role: membership.role } };
}

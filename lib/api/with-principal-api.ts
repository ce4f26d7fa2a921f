import type { z } from "zod";
import type { Principal } from "@/lib/auth/authenticate-request";
import { applyApiRateLimits, requirePrincipal } from "./guards";
import { parseBody, parseQuery } from "./parse";
import { apiRoute, json, type RequestScope, type RouteParams } from "./route";

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type PrincipalContext = { principal: Principal; requestId: string; log: RequestScope["log"]; headers: Headers };

/**
 * For the few /api/v1 routes that act outside any one workspace (`/me`, listing and creating
 * workspaces): authenticated and rate-limited like everything else, but no tenant to resolve.
 */
export function withPrincipalApi<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  opts: { query?: Q; body?: B; status?: number },
  handler: (ctx: PrincipalContext, input: { query: Infer<Q>; body: Infer<B> }) => Promise<unknown>,
) {
  return apiRoute<RouteParams>(async (request, _params, scope) => {
    const principal = await requirePrincipal(request, scope);
    await applyApiRateLimits(principal, principal.kind === "apiKey" ? principal.tenant.id : undefined, scope);
    const query = (opts.query ? parseQuery(request, opts.query) : undefined) as Infer<Q>;
    const body = (opts.body ? await parseBody(request, opts.body) : undefined) as Infer<B>;
    const result = await handler({ principal, requestId: scope.requestId, log: scope.log, headers: request.headers }, { query, body });
    return result instanceof Response ? result : json(result, opts.status);
  });
}

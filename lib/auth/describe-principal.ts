import type { Principal } from "./authenticate-request";

/** `GET /api/v1/me`: who the credentials belong to, never the credentials themselves. */
export function describePrincipal(principal: Principal) {
  if (principal.kind === "apiKey") {
    const { apiKey, tenant } = principal;
    return {
      type: "api_key" as const,
      apiKey: { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, scopes: apiKey.scopes },
      workspace: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    };
  }
  const { user } = principal;
  return { type: "user" as const, user: { id: user.id, email: user.email, name: user.name }, lastWorkspaceId: user.lastTenantId };
}

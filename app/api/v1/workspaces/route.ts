import { ApiError } from "@/lib/api/errors";
import { ZPageQuery } from "@/lib/api/pagination";
import { withPrincipalApi } from "@/lib/api/with-principal-api";
import { requestMeta } from "@/lib/security/request-meta";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";
import { ZCreateWorkspace } from "@/lib/workspaces/schemas";

// GET /api/v1/workspaces – the caller's workspaces (an API key sees its own)
export const GET = withPrincipalApi({ query: ZPageQuery }, async ({ principal }, { query }) => listWorkspaces(principal, query));

// POST /api/v1/workspaces – create one; the caller becomes its owner
export const POST = withPrincipalApi({ body: ZCreateWorkspace, status: 201 }, async ({ principal, log, headers }, { body }) => {
  if (principal.kind !== "user") throw new ApiError("forbidden", "API keys act inside their workspace; creating one needs a signed-in user.");
  return createWorkspace(principal.user, body, requestMeta(headers), log);
});

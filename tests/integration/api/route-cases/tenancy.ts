import { addMember, createInvitationRow, createKey, uniq } from "../helpers/world";
import { noInput, type RouteCase } from "./types";

/** Accounts, workspaces, members, invitations and API keys (issue 3). */
export const CASES: Record<string, RouteCase> = {
  "GET /api/v1/me": { scope: "principal", ok: 200, build: noInput },
  "GET /api/v1/workspaces": { scope: "principal", ok: 200, build: noInput },
  "POST /api/v1/workspaces": { scope: "principal", ok: 201, keyStatus: 403, build: async () => ({ body: { name: uniq("Shop") } }) },
  "GET /api/v1/workspaces/[workspaceId]": {
    scope: "tenant",
    permission: "workspace.read",
    ok: 200,
    build: async (t) => ({ params: { workspaceId: t.tenant.id } }),
  },
  "PATCH /api/v1/workspaces/[workspaceId]": {
    scope: "tenant",
    permission: "workspace.update",
    ok: 200,
    build: async (t) => ({ params: { workspaceId: t.tenant.id }, body: { name: uniq("Renamed ") } }),
  },
  "GET /api/v1/members": { scope: "tenant", permission: "members.read", ok: 200, build: noInput },
  "PATCH /api/v1/members/[memberId]": {
    scope: "tenant",
    permission: "members.manage",
    ok: 200,
    build: async (t) => ({ params: { memberId: (await addMember(t.tenant.id, "viewer")).memberId }, body: { role: "editor" } }),
  },
  "DELETE /api/v1/members/[memberId]": {
    scope: "tenant",
    permission: "members.manage",
    ok: 204,
    build: async (t) => ({ params: { memberId: (await addMember(t.tenant.id, "viewer")).memberId } }),
  },
  "GET /api/v1/invitations": { scope: "tenant", permission: "invitations.read", ok: 200, build: noInput },
  "POST /api/v1/invitations": {
    scope: "tenant",
    permission: "invitations.manage",
    ok: 201,
    build: async () => ({ body: { email: `${uniq("new")}@example.test`, role: "viewer" } }),
  },
  "DELETE /api/v1/invitations/[invitationId]": {
    scope: "tenant",
    permission: "invitations.manage",
    ok: 204,
    build: async (t) => ({ params: { invitationId: (await createInvitationRow(t.tenant.id)).id } }),
  },
  "GET /api/v1/api-keys": { scope: "tenant", permission: "apiKeys.read", ok: 200, build: noInput },
  "POST /api/v1/api-keys": {
    scope: "tenant",
    permission: "apiKeys.manage",
    ok: 201,
    build: async () => ({ body: { name: "CI", scopes: ["members.read"] } }),
  },
  "DELETE /api/v1/api-keys/[apiKeyId]": {
    scope: "tenant",
    permission: "apiKeys.manage",
    ok: 204,
    build: async (t) => ({ params: { apiKeyId: (await createKey(t.tenant.id, ["members.read"])).id } }),
  },
};

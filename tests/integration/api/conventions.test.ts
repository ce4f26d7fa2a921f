import { beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import * as apiKeyRoute from "@/app/api/v1/api-keys/[apiKeyId]/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as invitationRoute from "@/app/api/v1/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as memberRoute from "@/app/api/v1/members/[memberId]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as workspaceRoute from "@/app/api/v1/workspaces/[workspaceId]/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { call } from "./helpers/http";
import { addMember, buildTenant, createKey, createUser, roomyPlan, sessionCookieFor, type TenantFx } from "./helpers/world";

const asMember = (m: { cookie: string }, t: TenantFx, extra: Record<string, string> = {}) => ({ cookie: m.cookie, "x-workspace": t.tenant.id, ...extra });

let T: TenantFx;
beforeAll(async () => {
  await useTestDatabase();
  T = await buildTenant("Conv", await roomyPlan());
});

describe("/api/v1 errors are problem+json with stable codes", () => {
  it("422 validation_failed names each bad field", async () => {
    const res = await call(invitationsRoute, "POST", { path: "/api/v1/invitations", headers: asMember(T.members.owner, T), body: { email: "nope", role: "king" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ code: "validation_failed", status: 422, type: "urn:replyflow:problem:validation_failed" });
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "role"]);
    expect(res.headers.get("x-request-id")).toBe(res.body.requestId);
  });

  it("415 for a body that is not JSON, 400 for broken JSON, 413 for a huge one", async () => {
    const headers = asMember(T.members.owner, T);
    const notJson = await call(invitationsRoute, "POST", { path: "/api/v1/invitations", headers: { ...headers, "content-type": "text/plain" }, body: "x" });
    expect(notJson.body.code).toBe("unsupported_media_type");
    const broken = await invitationsRoute.POST(
      new Request("http://127.0.0.1:3000/api/v1/invitations", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{oops" }),
      { params: Promise.resolve({}) },
    );
    expect(broken.status).toBe(400);
    const huge = await call(invitationsRoute, "POST", { path: "/api/v1/invitations", headers, body: { email: "a@b.co", role: "viewer", pad: "x".repeat(70_000) } });
    expect(huge.body.code).toBe("payload_too_large");
  });

  it("400 workspace_required when a session names no workspace; an API key needs none", async () => {
    const res = await call(membersRoute, "GET", { path: "/api/v1/members", headers: { cookie: T.members.owner.cookie } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("workspace_required");
    const key = await call(membersRoute, "GET", { path: "/api/v1/members", headers: { authorization: T.keys.full.auth } });
    expect(key.status).toBe(200);
  });

  it("keeps the caller's request id when it sends a sane one", async () => {
    const res = await call(meRoute, "GET", { path: "/api/v1/me", headers: { cookie: T.members.viewer.cookie, "x-request-id": "trace-abc-12345" } });
    expect(res.headers.get("x-request-id")).toBe("trace-abc-12345");
  });
});

describe("keyset pagination", () => {
  it("walks the whole list in pages without repeats or gaps, and rejects a forged cursor", async () => {
    const plan = await roomyPlan();
    const t = await buildTenant("Pages", plan);
    for (let i = 0; i < 3; i++) await addMember(t.tenant.id, "viewer");
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const res = await call(membersRoute, "GET", { path: "/api/v1/members", headers: { authorization: t.keys.full.auth }, query: { limit: "3", ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.data.map((m: { id: string }) => m.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3); // 7 members: 3 + 3 + 1
    expect(new Set(seen).size).toBe(7);
    const all = await primary().membership.findMany({ where: { tenantId: t.tenant.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(seen).toEqual(all.map((m) => m.id));
    const bad = await call(membersRoute, "GET", { path: "/api/v1/members", headers: { authorization: t.keys.full.auth }, query: { cursor: "forged" } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("cursor");
  });
});

describe("membership is read on every request, never trusted from the session", () => {
  it("a removed member loses access on their very next request", async () => {
    const m = await addMember(T.tenant.id, "viewer");
    expect((await call(membersRoute, "GET", { path: "/api/v1/members", headers: asMember(m, T) })).status).toBe(200);
    const del = await call(memberRoute, "DELETE", { path: `/api/v1/members/${m.memberId}`, params: { memberId: m.memberId }, headers: asMember(T.members.admin, T) });
    expect(del.status).toBe(204);
    const after = await call(membersRoute, "GET", { path: "/api/v1/members", headers: asMember(m, T) });
    expect(after.status).toBe(404);
  });

  it("a role change applies on the next request", async () => {
    const m = await addMember(T.tenant.id, "editor");
    expect((await call(invitationsRoute, "GET", { path: "/api/v1/invitations", headers: asMember(m, T) })).status).toBe(403);
    const promote = await call(memberRoute, "PATCH", { path: `/api/v1/members/${m.memberId}`, params: { memberId: m.memberId }, headers: asMember(T.members.owner, T), body: { role: "admin" } });
    expect(promote.body).toMatchObject({ role: "admin", email: m.user.email });
    expect((await call(invitationsRoute, "GET", { path: "/api/v1/invitations", headers: asMember(m, T) })).status).toBe(200);
  });

  it("a deleted user's session stops working", async () => {
    const u = await createUser();
    const cookie = await sessionCookieFor(u.id);
    expect((await call(meRoute, "GET", { path: "/api/v1/me", headers: { cookie } })).status).toBe(200);
    await primary().user.delete({ where: { id: u.id } });
    expect((await call(meRoute, "GET", { path: "/api/v1/me", headers: { cookie } })).status).toBe(401);
  });
});

describe("role rules beyond the matrix", () => {
  it("keeps at least one owner, and keeps admins below owners", async () => {
    const t = await buildTenant("Rules", await roomyPlan());
    const owner = asMember(t.members.owner, t);
    const self = await call(memberRoute, "PATCH", { path: "/", params: { memberId: t.members.owner.memberId }, headers: owner, body: { role: "admin" } });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe("last_owner");
    const leave = await call(memberRoute, "DELETE", { path: "/", params: { memberId: t.members.owner.memberId }, headers: owner });
    expect(leave.body.code).toBe("last_owner");

    const admin = asMember(t.members.admin, t);
    const otherAdmin = await addMember(t.tenant.id, "admin");
    expect((await call(memberRoute, "PATCH", { path: "/", params: { memberId: otherAdmin.memberId }, headers: admin, body: { role: "viewer" } })).status).toBe(403);
    expect((await call(memberRoute, "PATCH", { path: "/", params: { memberId: t.members.editor.memberId }, headers: admin, body: { role: "admin" } })).status).toBe(403);
    expect((await call(memberRoute, "DELETE", { path: "/", params: { memberId: t.members.owner.memberId }, headers: admin })).status).toBe(403);
    const inviteOwner = await call(invitationsRoute, "POST", { path: "/", headers: admin, body: { email: "boss@example.test", role: "owner" } });
    expect(inviteOwner.status).toBe(403);

    // With a second owner the first may step down.
    const second = await call(memberRoute, "PATCH", { path: "/", params: { memberId: otherAdmin.memberId }, headers: owner, body: { role: "owner" } });
    expect(second.body.role).toBe("owner");
    expect((await call(memberRoute, "PATCH", { path: "/", params: { memberId: t.members.owner.memberId }, headers: owner, body: { role: "admin" } })).status).toBe(200);
  });

  it("never lets two owners demoting each other at once leave the workspace without one", async () => {
    for (let round = 0; round < 3; round++) {
      const t = await buildTenant("Race", await roomyPlan());
      const second = await addMember(t.tenant.id, "owner");
      const [a, b] = await Promise.all([
        call(memberRoute, "PATCH", { path: "/", params: { memberId: second.memberId }, headers: asMember(t.members.owner, t), body: { role: "admin" } }),
        call(memberRoute, "PATCH", { path: "/", params: { memberId: t.members.owner.memberId }, headers: asMember(second, t), body: { role: "admin" } }),
      ]);
      // Exactly one demotion lands. The other is refused either by the last-owner rule (409,
      // when both read each other as owners) or, when the first has already committed, because
      // its author is no longer an owner and may only change members below their role (403).
      const statuses = [a.status, b.status].sort();
      expect(statuses[0], `${a.text} ${b.text}`).toBe(200);
      expect([403, 409], `${a.text} ${b.text}`).toContain(statuses[1]);
      expect(await primary().membership.count({ where: { tenantId: t.tenant.id, role: "owner" } })).toBe(1);
    }
  });

  it("refuses to invite an existing member, and counts pending invitations against the plan", async () => {
    const t = await buildTenant("Seats", await roomyPlan());
    const owner = asMember(t.members.owner, t);
    const dup = await call(invitationsRoute, "POST", { path: "/", headers: owner, body: { email: t.members.viewer.user.email.toUpperCase(), role: "viewer" } });
    expect(dup.body.code).toBe("conflict");
    await primary().plan.update({ where: { id: t.tenant.planId }, data: { memberLimit: 5 } });
    const first = await call(invitationsRoute, "POST", { path: "/", headers: owner, body: { email: "one@example.test", role: "viewer" } });
    expect(first.status).toBe(201);
    const again = await call(invitationsRoute, "POST", { path: "/", headers: owner, body: { email: "one@example.test", role: "editor" } });
    expect(again.status).toBe(201); // re-inviting replaces, it does not take a second seat
    const full = await call(invitationsRoute, "POST", { path: "/", headers: owner, body: { email: "two@example.test", role: "viewer" } });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe("plan_limit_reached");
    const open = await call(invitationsRoute, "GET", { path: "/", headers: owner });
    expect(open.body.data.map((i: { email: string; role: string }) => [i.email, i.role])).toEqual([["one@example.test", "editor"]]);
  });
});

describe("API keys", () => {
  it("shows a new key once, stores only its hash, and lists it without the secret", async () => {
    const res = await call(apiKeysRoute, "POST", { path: "/", headers: asMember(T.members.admin, T), body: { name: "Zapier", scopes: ["members.read", "workspace.read"] } });
    expect(res.status).toBe(201);
    const { key, apiKey } = res.body;
    expect(key).toMatch(/^rf_live_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: "Zapier", prefix: key.slice(0, 12), status: "active", scopes: ["members.read", "workspace.read"] });
    const row = await primary().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(row)).not.toContain(key);
    const list = await call(apiKeysRoute, "GET", { path: "/", headers: asMember(T.members.admin, T) });
    expect(list.text).not.toContain(key);
    expect(list.text).not.toContain(row.hashedKey);
    const me = await call(meRoute, "GET", { path: "/", headers: { authorization: `Bearer ${key}` } });
    expect(me.body).toMatchObject({ type: "api_key", apiKey: { id: apiKey.id }, workspace: { id: T.tenant.id } });
  });

  it("will not grant scopes its creator lacks or that only people may hold", async () => {
    const res = await call(apiKeysRoute, "POST", { path: "/", headers: asMember(T.members.owner, T), body: { name: "x", scopes: ["apiKeys.manage"] } });
    expect(res.status).toBe(422);
  });

  it("records last use at most once a minute", async () => {
    const k = await createKey(T.tenant.id, ["members.read"]);
    await call(membersRoute, "GET", { path: "/", headers: { authorization: k.auth } });
    const first = (await primary().apiKey.findUniqueOrThrow({ where: { id: k.id } })).lastUsedAt!;
    expect(first).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 20));
    await call(membersRoute, "GET", { path: "/", headers: { authorization: k.auth } });
    expect((await primary().apiKey.findUniqueOrThrow({ where: { id: k.id } })).lastUsedAt).toEqual(first);
    await primary().apiKey.update({ where: { id: k.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await call(membersRoute, "GET", { path: "/", headers: { authorization: k.auth } });
    expect((await primary().apiKey.findUniqueOrThrow({ where: { id: k.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });

  it("stops working the moment it is revoked or expires", async () => {
    const k = await createKey(T.tenant.id, ["members.read"]);
    expect((await call(membersRoute, "GET", { path: "/", headers: { authorization: k.auth } })).status).toBe(200);
    const del = await call(apiKeyRoute, "DELETE", { path: "/", params: { apiKeyId: k.id }, headers: asMember(T.members.owner, T) });
    expect(del.status).toBe(204);
    expect((await call(membersRoute, "GET", { path: "/", headers: { authorization: k.auth } })).status).toBe(401);
    const old = await createKey(T.tenant.id, ["members.read"], { expiresAt: new Date(Date.now() - 1000) });
    expect((await call(membersRoute, "GET", { path: "/", headers: { authorization: old.auth } })).status).toBe(401);
  });
});

describe("CSRF on cookie-authenticated mutations", () => {
  it("refuses a cross-site request riding on the cookie, and lets same-origin and API-key requests through", async () => {
    const body = { name: "Renamed by CSRF" };
    const params = { workspaceId: T.tenant.id };
    const cross = await call(workspaceRoute, "PATCH", { path: "/", params, body, headers: { cookie: T.members.owner.cookie, "sec-fetch-site": "cross-site" } });
    expect(cross.status).toBe(403);
    expect(cross.body.code).toBe("csrf_failed");
    const evil = await call(workspaceRoute, "PATCH", { path: "/", params, body, headers: { cookie: T.members.owner.cookie, origin: "https://evil.example" } });
    expect(evil.body.code).toBe("csrf_failed");
    expect((await primary().tenant.findUniqueOrThrow({ where: { id: T.tenant.id } })).name).not.toBe(body.name);
    const same = await call(workspaceRoute, "PATCH", { path: "/", params, body: { name: "Conv" }, headers: { cookie: T.members.owner.cookie, "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" } });
    expect(same.status).toBe(200);
    const key = await call(workspaceRoute, "PATCH", { path: "/", params, body: { name: "Conv" }, headers: { authorization: T.keys.full.auth, "sec-fetch-site": "cross-site" } });
    expect(key.status).toBe(200);
  });
});

describe("workspaces and the audit log", () => {
  it("creates a workspace on the Free plan with its creator as owner, and a fresh slug when the name is taken", async () => {
    const u = await createUser();
    const cookie = await sessionCookieFor(u.id);
    const a = await call(workspacesRoute, "POST", { path: "/", headers: { cookie }, body: { name: "Café Zürich" } });
    const b = await call(workspacesRoute, "POST", { path: "/", headers: { cookie }, body: { name: "Café Zürich" } });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ name: "Café Zürich", role: "owner", plan: { key: "free" } });
    expect(b.body.slug).toMatch(new RegExp(`^${a.body.slug}-[0-9a-f]{6}$`));
    const sub = await primary().subscription.findUniqueOrThrow({ where: { tenantId: a.body.id }, include: { plan: true } });
    expect(sub).toMatchObject({ status: "active", plan: { key: "free" } });
    const mine = await call(workspacesRoute, "GET", { path: "/", headers: { cookie } });
    expect(mine.body.data.map((w: { id: string }) => w.id)).toEqual([a.body.id, b.body.id]);
  });

  it("writes who, from where, and what for membership, role, invitation, key and settings changes", async () => {
    const t = await buildTenant("Audit", await roomyPlan());
    const ua = { "user-agent": "AuditTest/1.0", "x-forwarded-for": "203.0.113.77" };
    const owner = asMember(t.members.owner, t, ua);
    const target = await addMember(t.tenant.id, "viewer");
    await call(memberRoute, "PATCH", { path: "/", params: { memberId: target.memberId }, headers: owner, body: { role: "editor" } });
    await call(memberRoute, "DELETE", { path: "/", params: { memberId: target.memberId }, headers: owner });
    const inv = await call(invitationsRoute, "POST", { path: "/", headers: owner, body: { email: "aud@example.test", role: "viewer" } });
    await call(invitationRoute, "DELETE", { path: "/", params: { invitationId: inv.body.id }, headers: owner });
    const key = await call(apiKeysRoute, "POST", { path: "/", headers: owner, body: { name: "k", scopes: ["members.read"] } });
    await call(apiKeyRoute, "DELETE", { path: "/", params: { apiKeyId: key.body.apiKey.id }, headers: owner });
    await call(workspaceRoute, "PATCH", { path: "/", params: { workspaceId: t.tenant.id }, headers: owner, body: { name: "Audit 2" } });
    await call(workspaceRoute, "PATCH", { path: "/", params: { workspaceId: t.tenant.id }, headers: { authorization: t.keys.full.auth, ...ua }, body: { name: "Audit 3" } });

    const rows = await primary().auditLog.findMany({ where: { tenantId: t.tenant.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual([
      "member.role_changed",
      "member.removed",
      "invitation.created",
      "invitation.revoked",
      "api_key.created",
      "api_key.revoked",
      "workspace.renamed",
      "workspace.renamed",
    ]);
    for (const r of rows.slice(0, 7)) expect(r).toMatchObject({ actorUserId: t.members.owner.user.id, ip: "203.0.113.77", userAgent: "AuditTest/1.0" });
    expect(rows[7]).toMatchObject({ actorUserId: null, actorApiKeyId: t.keys.full.id, metadata: { from: "Audit 2", to: "Audit 3" } });
    expect(rows[0]!.metadata).toMatchObject({ from: "viewer", to: "editor", email: target.user.email });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as invitationRoute from "@/app/api/v1/invitations/[invitationId]/route";
import { primary } from "@/lib/db";
import { rootLogger } from "@/lib/logger";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { findInvitation } from "@/lib/members/find-invitation";
import { sha256Hex } from "@/lib/security/tokens";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, createUser, roomyPlan, sessionCookieFor, uniq, type TenantFx } from "../api/helpers/world";
import { waitForLink } from "./helpers/mailbox";
import { freshMailDir } from "./helpers/next-auth-client";

const mailDir = freshMailDir();
let T: TenantFx;
const meta = { ip: "203.0.113.5", userAgent: "InviteTest" };

beforeAll(async () => {
  await useTestDatabase();
  T = await buildTenant("Invites", await roomyPlan());
});

async function invite(email: string, role = "editor") {
  const res = await call(invitationsRoute, "POST", { path: "/", headers: { cookie: T.members.owner.cookie, "x-workspace": T.tenant.id }, body: { email, role } });
  expect(res.status).toBe(201);
  expect(res.text).not.toMatch(/token/i);
  const { mail, url } = await waitForLink(mailDir, email, /\/invitations\/accept\?token=/);
  return { id: res.body.id as string, token: url.searchParams.get("token")!, mail };
}

describe("invitations by email", () => {
  it("emails a link; the invited address signs up, accepts, and is a member with the invited role", async () => {
    const email = `${uniq("guest")}@example.test`;
    const { id, token, mail } = await invite(email);
    expect(mail.subject).toContain("Invites");
    expect((await primary().invitation.findUniqueOrThrow({ where: { id } })).tokenHash).toBe(sha256Hex(token));
    expect(await findInvitation(token)).toMatchObject({ email, role: "editor", status: "pending", workspaceName: T.tenant.name });

    const guest = await createUser(email);
    const joined = await acceptInvitation(guest, token, meta, rootLogger());
    expect(joined.slug).toBe(T.tenant.slug);
    const membership = await primary().membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: T.tenant.id, userId: guest.id } } });
    expect(membership.role).toBe("editor");
    const user = await primary().user.findUniqueOrThrow({ where: { id: guest.id } });
    expect(user).toMatchObject({ lastTenantId: T.tenant.id });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    const audit = await primary().auditLog.findFirstOrThrow({ where: { tenantId: T.tenant.id, action: "invitation.accepted" } });
    expect(audit).toMatchObject({ actorUserId: guest.id, targetId: id, ip: meta.ip, userAgent: meta.userAgent });

    // The new member sees the workspace; accepting again just leads back to it.
    const list = await call(membersRoute, "GET", { path: "/", headers: { cookie: await sessionCookieFor(guest.id), "x-workspace": T.tenant.id } });
    expect(list.body.data.map((m: { email: string }) => m.email)).toContain(email);
    await expect(acceptInvitation(guest, token, meta, rootLogger())).resolves.toMatchObject({ slug: T.tenant.slug });
  });

  it("can be accepted only by the invited address", async () => {
    const { token } = await invite(`${uniq("right")}@example.test`);
    const wrong = await createUser();
    await expect(acceptInvitation(wrong, token, meta, rootLogger())).rejects.toMatchObject({ code: "forbidden" });
    expect(await primary().membership.count({ where: { tenantId: T.tenant.id, userId: wrong.id } })).toBe(0);
  });

  it("stops working once revoked, replaced or expired", async () => {
    const email = `${uniq("late")}@example.test`;
    const user = await createUser(email);
    const first = await invite(email);
    const del = await call(invitationRoute, "DELETE", { path: "/", params: { invitationId: first.id }, headers: { cookie: T.members.admin.cookie, "x-workspace": T.tenant.id } });
    expect(del.status).toBe(204);
    await expect(acceptInvitation(user, first.token, meta, rootLogger())).rejects.toMatchObject({ code: "gone" });
    const second = await invite(email);
    const third = await invite(email, "viewer");
    await expect(acceptInvitation(user, second.token, meta, rootLogger())).rejects.toMatchObject({ code: "gone" });
    await primary().invitation.update({ where: { id: third.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await findInvitation(third.token))?.status).toBe("expired");
    await expect(acceptInvitation(user, third.token, meta, rootLogger())).rejects.toMatchObject({ code: "gone" });
    expect(await findInvitation("not-a-real-token-not-a-real-token")).toBeNull();
  });
});

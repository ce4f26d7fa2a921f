import { encode } from "next-auth/jwt";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "@/lib/auth/session-cookie";
import { primary } from "@/lib/db";
import { env } from "@/lib/env";
import { randomToken, sha256Hex } from "@/lib/security/tokens";
import { API_KEY_SCOPES, type Permission, type Role } from "@/lib/tenancy/permissions";
import { seedPlans } from "@/prisma/seed-data";

/** Fixtures written straight to the database, so the code under test is only what a test calls. */
let n = 0;
export const uniq = (prefix: string) => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`;

export const PASSWORD = "correct horse battery staple";
let hashed: Promise<string> | undefined;

export async function createUser(email = `${uniq("u")}@example.test`, name: string | null = null) {
  hashed ??= hashPassword(PASSWORD);
  return primary().user.create({ data: { email, name, passwordHash: await hashed } });
}

/** A real session cookie, minted with next-auth's own encoder exactly as a sign-in would. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const { name } = sessionCookie();
  const jwt = await encode({ token: { sub: userId }, secret: env().AUTH_SECRET, salt: name, maxAge: SESSION_MAX_AGE_SECONDS });
  return `${name}=${jwt}`;
}

/** A plan without a practical member limit, so fixtures never trip the seat check by accident. */
export async function roomyPlan(): Promise<string> {
  await seedPlans();
  const key = uniq("roomy");
  const plan = await primary().plan.create({
    data: { key, name: "Roomy", monthlyDmLimit: 1e6, monthlyReplyLimit: 1e6, accountLimit: 100, memberLimit: 10_000, automationLimit: 1_000, retentionDays: 30 },
  });
  return plan.id;
}

export async function addMember(tenantId: string, role: Role, user?: { id: string; email: string }) {
  const u = user ?? (await createUser());
  const m = await primary().membership.create({ data: { tenantId, userId: u.id, role } });
  return { user: u, memberId: m.id, cookie: await sessionCookieFor(u.id) };
}

export async function createKey(tenantId: string, scopes: readonly Permission[], extra: { expiresAt?: Date; revokedAt?: Date } = {}) {
  const { key, prefix, hashedKey } = generateApiKey();
  const row = await primary().apiKey.create({ data: { tenantId, name: uniq("key"), prefix, hashedKey, scopes: [...scopes], ...extra } });
  return { id: row.id, key, auth: `Bearer ${key}` };
}

export async function createInvitationRow(tenantId: string, role: Role = "viewer", email = `${uniq("inv")}@example.test`) {
  const token = randomToken();
  const row = await primary().invitation.create({
    data: { tenantId, email, role, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return { id: row.id, token, email };
}

export type TenantFx = Awaited<ReturnType<typeof buildTenant>>;

/** A workspace with one member per role and two API keys: every grantable scope, and read-only. */
export async function buildTenant(name: string, planId: string) {
  const tenant = await primary().tenant.create({ data: { name, slug: uniq(name.toLowerCase()), planId } });
  await primary().subscription.create({
    data: { tenantId: tenant.id, planId, currentPeriodStart: new Date(), currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000) },
  });
  const members = {
    owner: await addMember(tenant.id, "owner"),
    admin: await addMember(tenant.id, "admin"),
    editor: await addMember(tenant.id, "editor"),
    viewer: await addMember(tenant.id, "viewer"),
  };
  const keys = { full: await createKey(tenant.id, API_KEY_SCOPES), readOnly: await createKey(tenant.id, ["workspace.read", "members.read"]) };
  return { tenant, members, keys };
}

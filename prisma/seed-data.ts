import { hashPassword } from "@/lib/auth/password";
import { primary } from "@/lib/db";

/** Plans and their limits. Safety features are on every plan; plans meter automated sends only. */
export const PLANS = [
  { key: "free", name: "Free", priceCents: 0, monthlyDmLimit: 1_000, monthlyReplyLimit: 1_000, accountLimit: 1, memberLimit: 2, automationLimit: 3, retentionDays: 30 },
  { key: "pro", name: "Pro", priceCents: 1_900, monthlyDmLimit: 25_000, monthlyReplyLimit: 25_000, accountLimit: 3, memberLimit: 5, automationLimit: 50, retentionDays: 90 },
  { key: "business", name: "Business", priceCents: 9_900, monthlyDmLimit: 300_000, monthlyReplyLimit: 300_000, accountLimit: 10, memberLimit: 25, automationLimit: 500, retentionDays: 365 },
] as const;

export type PlanKey = (typeof PLANS)[number]["key"];

/** Idempotent: creates or updates the three plans. */
export async function seedPlans(): Promise<Record<PlanKey, string>> {
  const db = primary();
  const ids = {} as Record<PlanKey, string>;
  for (const plan of PLANS) {
    const row = await db.plan.upsert({ where: { key: plan.key }, create: { ...plan }, update: { ...plan } });
    ids[plan.key] = row.id;
  }
  return ids;
}

/** The demo workspace's owner; `npm run demo` prints this login. */
export const DEMO_LOGIN = { email: "demo@replyflow.local", password: "replyflow-demo" } as const;

/**
 * A demo workspace on the Pro plan, owned by DEMO_LOGIN; idempotent by slug. Seeding again
 * resets the demo password, so the printed login always works.
 */
export async function seedDemoTenant(opts: { slug?: string; name?: string } = {}) {
  const db = primary();
  const plans = await seedPlans();
  const slug = opts.slug ?? "demo";
  const now = new Date();
  const periodEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const tenant = await db.tenant.upsert({
    where: { slug },
    create: { slug, name: opts.name ?? "Demo Café", planId: plans.pro, timezone: "Europe/Berlin" },
    update: {},
  });
  await db.subscription.upsert({
    where: { tenantId: tenant.id },
    create: { tenantId: tenant.id, planId: plans.pro, status: "active", currentPeriodStart: periodStart, currentPeriodEnd: periodEnd },
    update: {},
  });
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const owner = await db.user.upsert({
    where: { email: DEMO_LOGIN.email },
    create: { email: DEMO_LOGIN.email, name: "Demo Owner", passwordHash, emailVerifiedAt: now, lastTenantId: tenant.id },
    update: { passwordHash },
  });
  await db.membership.upsert({
    where: { tenantId_userId: { tenantId: tenant.id, userId: owner.id } },
    create: { tenantId: tenant.id, userId: owner.id, role: "owner" },
    update: { role: "owner" },
  });
  return tenant;
}

import { isUniqueViolation, primary } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import type { RequestMeta } from "@/lib/security/request-meta";
import { presentWorkspace, WORKSPACE_SELECT, type PresentedWorkspace } from "./present-workspace";
import { ZCreateWorkspace } from "./schemas";
import { slugFromName, suffixedSlug } from "./slug";

const FREE_PLAN = "free";

/**
 * Creates a workspace on the Free plan with its creator as owner, in one transaction (tenant,
 * membership, subscription, audit row). This is a cross-tenant act — there is no tenant yet to
 * scope to — so it uses the base client, like the tenant resolver.
 */
export async function createWorkspace(user: { id: string }, input: unknown, meta: RequestMeta, log: Logger): Promise<PresentedWorkspace> {
  const { name } = ZCreateWorkspace.parse(input);
  const db = primary();
  const plan = await db.plan.findUnique({ where: { key: FREE_PLAN }, select: { id: true } });
  if (!plan) throw new Error("the Free plan is missing: run npm run db:seed");
  const base = slugFromName(name);
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : suffixedSlug(base);
    try {
      const tenant = await db.$transaction(async (tx) => {
        const now = new Date();
        const created = await tx.tenant.create({ data: { name, slug, planId: plan.id }, select: WORKSPACE_SELECT });
        await tx.membership.create({ data: { tenantId: created.id, userId: user.id, role: "owner" } });
        await tx.subscription.create({
          data: {
            tenantId: created.id,
            planId: plan.id,
            status: "active",
            // Usage is metered per calendar month (UTC), like UsageCounter.period.
            currentPeriodStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
            currentPeriodEnd: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
          },
        });
        await tx.auditLog.create({
          data: {
            tenantId: created.id,
            actorUserId: user.id,
            action: "workspace.created",
            targetType: "workspace",
            targetId: created.id,
            metadata: { name, slug },
            ip: meta.ip ?? null,
            userAgent: meta.userAgent ?? null,
          },
        });
        await tx.user.update({ where: { id: user.id }, data: { lastTenantId: created.id } });
        return created;
      });
      log.info({ tenantId: tenant.id, userId: user.id }, "workspace created");
      return presentWorkspace(tenant, "owner");
    } catch (err) {
      // Only the slug can collide; a handful of random suffixes always finds a free one.
      if (!isUniqueViolation(err) || attempt >= 4) throw err;
    }
  }
}

import { ApiError } from "@/lib/api/errors";
import type { TenantDb } from "@/lib/db";
import type { TenantInfo } from "@/lib/tenancy/context";

type SeatDb = Pick<TenantDb, "plan" | "membership" | "invitation">;

/**
 * The plan's member limit counts members and still-valid pending invitations, so a Free
 * workspace cannot hand out ten invitations for its one free seat. `replacingEmail` leaves
 * out a pending invitation that is about to be replaced; at acceptance only members count.
 */
export async function assertSeatAvailable(
  db: SeatDb,
  tenant: Pick<TenantInfo, "planId">,
  opts: { countPending: boolean; replacingEmail?: string },
): Promise<void> {
  const plan = await db.plan.findUnique({ where: { id: tenant.planId }, select: { name: true, memberLimit: true } });
  if (!plan) throw new Error(`plan ${tenant.planId} missing`);
  const members = await db.membership.count();
  const pending = opts.countPending
    ? await db.invitation.count({
        where: {
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { gt: new Date() },
          ...(opts.replacingEmail ? { email: { not: opts.replacingEmail } } : {}),
        },
      })
    : 0;
  if (members + pending >= plan.memberLimit) {
    throw new ApiError("plan_limit_reached", `The ${plan.name} plan allows ${plan.memberLimit} members, pending invitations included.`);
  }
}

import { ApiError } from "@/lib/api/errors";
import { getDb, primary } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import type { RequestMeta } from "@/lib/security/request-meta";
import { sha256Hex } from "@/lib/security/tokens";
import { assertSeatAvailable } from "./assert-seat-available";

const INVALID = "This invitation is no longer valid. Ask for a new one.";

/**
 * Joins the invitation's workspace with its role. Only the invited address may accept (so a
 * forwarded link does not let someone else in), once; accepting proves the user owns that
 * address. Accepting again after joining just leads back to the workspace.
 */
export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
  meta: RequestMeta,
  log: Logger,
): Promise<{ slug: string; name: string }> {
  const inv = await primary().invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { tenant: { select: { id: true, slug: true, name: true, planId: true, status: true } } },
  });
  if (!inv || inv.revokedAt || inv.tenant.status === "deleted") throw new ApiError("gone", INVALID);
  if (inv.email !== user.email) {
    throw new ApiError("forbidden", `This invitation was sent to ${inv.email}. Sign in with that address to accept it.`);
  }
  const { db } = getDb(inv.tenantId);
  if (inv.acceptedAt) {
    const member = await db.membership.findUnique({ where: { tenantId_userId: { tenantId: inv.tenantId, userId: user.id } } });
    if (member) return { slug: inv.tenant.slug, name: inv.tenant.name };
    throw new ApiError("gone", INVALID);
  }
  const now = new Date();
  if (inv.expiresAt <= now) throw new ApiError("gone", "This invitation has expired. Ask for a new one.");

  await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw new ApiError("gone", INVALID);
    const existing = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId: inv.tenantId, userId: user.id } } });
    if (!existing) {
      await assertSeatAvailable(tx, inv.tenant, { countPending: false });
      await tx.membership.create({ data: { tenantId: inv.tenantId, userId: user.id, role: inv.role } });
    }
    await tx.auditLog.create({
      data: {
        tenantId: inv.tenantId,
        actorUserId: user.id,
        action: "invitation.accepted",
        targetType: "invitation",
        targetId: inv.id,
        metadata: { email: inv.email, role: inv.role },
        ip: meta.ip ?? null,
        userAgent: meta.userAgent ?? null,
      },
    });
  });
  await primary().user.update({ where: { id: user.id }, data: { lastTenantId: inv.tenantId } });
  await primary().user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  log.info({ userId: user.id, tenantId: inv.tenantId, role: inv.role }, "invitation accepted");
  return { slug: inv.tenant.slug, name: inv.tenant.name };
}

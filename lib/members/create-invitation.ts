import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { invitationMail } from "@/lib/mail/templates/invitation";
import { randomToken, sha256Hex } from "@/lib/security/tokens";
import { assertUser } from "@/lib/tenancy/authorize";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { canAssignRole } from "@/lib/tenancy/permissions";
import { assertSeatAvailable } from "./assert-seat-available";
import { presentInvitation, type PresentedInvitation } from "./present-invitation";
import { ZCreateInvitation } from "./schemas";

export const INVITATION_TTL_DAYS = 7;

/**
 * Invites someone by email. Inviting an address again replaces its open invitation (a fresh
 * link, the old one stops working). The token only ever exists in the email: the response
 * does not carry it, so an inviter cannot accept on the invitee's behalf.
 */
export async function createInvitation(ctx: TenantContext, input: unknown): Promise<PresentedInvitation> {
  assertUser(ctx);
  const { email, role } = ZCreateInvitation.parse(input);
  if (!canAssignRole(ctx.role, role)) throw new ApiError("forbidden", "You cannot invite someone with a role above your own.");
  const token = randomToken();
  const now = new Date();
  const row = await ctx.db.$transaction(async (tx) => {
    if (await tx.membership.findFirst({ where: { user: { email } }, select: { id: true } })) {
      throw new ApiError("conflict", `${email} is already a member of this workspace.`);
    }
    await assertSeatAvailable(tx, ctx.tenant, { countPending: true, replacingEmail: email });
    await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.invitation.create({
      data: {
        tenantId: ctx.tenant.id,
        email,
        role,
        tokenHash: sha256Hex(token),
        invitedById: ctx.user.id,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
      },
    });
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: "invitation.created",
        targetType: "invitation",
        targetId: created.id,
        metadata: { email, role },
      },
    });
    return created;
  });
  const url = new URL("/invitations/accept", env().APP_URL);
  url.searchParams.set("token", token);
  await sendMail(
    email,
    invitationMail({ url: url.toString(), workspaceName: ctx.tenant.name, inviterName: ctx.user.name ?? ctx.user.email, role, expiresInDays: INVITATION_TTL_DAYS }),
    ctx.log,
  );
  ctx.log.info({ invitationId: row.id, role }, "invitation created");
  return presentInvitation(row, now);
}

import { primary } from "@/lib/db";
import { sha256Hex } from "@/lib/security/tokens";
import type { Role } from "@/lib/tenancy/permissions";
import { invitationStatus, type InvitationStatus } from "./present-invitation";

export type InvitationPreview = { email: string; role: Role; status: InvitationStatus; workspaceName: string };

/** What the accept page may show to whoever holds the link: the token is the credential. */
export async function findInvitation(token: string): Promise<InvitationPreview | null> {
  if (token.length < 20 || token.length > 100) return null;
  const inv = await primary().invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { tenant: { select: { name: true, status: true } } },
  });
  if (!inv || inv.tenant.status === "deleted") return null;
  return { email: inv.email, role: inv.role, status: invitationStatus(inv), workspaceName: inv.tenant.name };
}

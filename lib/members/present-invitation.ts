import type { Role } from "@/lib/tenancy/permissions";

type Row = { id: string; email: string; role: Role; invitedById: string | null; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null; createdAt: Date };

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export function invitationStatus(row: Pick<Row, "expiresAt" | "acceptedAt" | "revokedAt">, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

export function presentInvitation(row: Row, now = new Date()) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    invitedById: row.invitedById,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
export type PresentedInvitation = ReturnType<typeof presentInvitation>;

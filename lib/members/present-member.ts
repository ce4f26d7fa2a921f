import type { Role } from "@/lib/tenancy/permissions";

type Row = { id: string; userId: string; role: Role; createdAt: Date; user: { email: string; name: string | null } };

export function presentMember(row: Row) {
  return { id: row.id, userId: row.userId, email: row.user.email, name: row.user.name, role: row.role, joinedAt: row.createdAt.toISOString() };
}
export type PresentedMember = ReturnType<typeof presentMember>;

export const MEMBER_INCLUDE = { user: { select: { email: true, name: true } } } as const;

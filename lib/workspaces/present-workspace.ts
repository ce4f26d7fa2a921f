import type { Role } from "@/lib/tenancy/permissions";

type Row = { id: string; slug: string; name: string; createdAt: Date; plan: { key: string; name: string } };

export function presentWorkspace(row: Row, role: Role | null) {
  return { id: row.id, slug: row.slug, name: row.name, role, plan: { key: row.plan.key, name: row.plan.name }, createdAt: row.createdAt.toISOString() };
}
export type PresentedWorkspace = ReturnType<typeof presentWorkspace>;

export const WORKSPACE_SELECT = { id: true, slug: true, name: true, createdAt: true, plan: { select: { key: true, name: true } } } as const;

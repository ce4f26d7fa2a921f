import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";
import { AppShell } from "../../_components/shell/app-shell";

/** Resolves the workspace once for the page below it (not a member → 404) and frames it in the app shell. */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await workspacePage(slug);
  const user = (await currentUser())!; // workspacePage redirected anonymous visitors
  const [workspaces, accounts, plan] = await Promise.all([
    listWorkspaces({ kind: "user", user }, { limit: 50 }),
    ctx.read.instagramAccount.findMany({ where: { status: { not: "disconnected" } }, orderBy: { createdAt: "asc" }, take: 5, select: { id: true, username: true, status: true } }),
    ctx.read.plan.findUnique({ where: { id: ctx.tenant.planId }, select: { name: true } }),
  ]);
  return (
    <AppShell
      base={`/w/${ctx.tenant.slug}`}
      workspace={{ id: ctx.tenant.id, name: ctx.tenant.name }}
      plan={plan?.name ?? "Free"}
      role={ctx.role}
      user={ctx.user}
      workspaces={workspaces.data}
      accounts={accounts}
      show={{ apiKeys: can(ctx, "apiKeys.read"), billing: can(ctx, "billing.read") }}
    >
      {children}
    </AppShell>
  );
}

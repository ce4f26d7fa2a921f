import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IconChevronDown, IconInbox } from "@/components/ui/icons";
import { currentUser } from "@/lib/auth/current-user";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";
import { ActionForm, Field } from "../_components/action-form";
import { Brand } from "../_components/shell/brand";
import { SignOutButton } from "../_components/shell/sign-out-button";
import { createWorkspaceAction } from "./actions";

export const metadata = { title: "Workspaces · Replyflow" };

export default async function WorkspacesPage() {
  const user = (await currentUser())!; // the (app) layout redirected anonymous visitors
  const { data: workspaces } = await listWorkspaces({ kind: "user", user }, { limit: 100 });
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-4">
          <Brand />
          <div className="flex items-center gap-3">
            <span className="hidden text-sm text-zinc-600 sm:inline">{user.email}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto grid max-w-3xl gap-6 px-4 py-10">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your workspaces</h1>
          <p className="mt-1 text-sm text-zinc-600">A workspace holds your Instagram accounts, automations and team. Agencies keep one per client.</p>
        </div>
        <Card aria-labelledby="ws-list">
          <CardHeader id="ws-list" title="Open a workspace" />
          {workspaces.length === 0 ? (
            <EmptyState icon={<IconInbox />} title="No workspace yet">
              You are not a member of any workspace yet. Create one below, or accept an invitation from your email.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {workspaces.map((w) => (
                <li key={w.id}>
                  <Link href={`/w/${w.slug}`} className="flex items-center gap-3 px-5 py-3 text-zinc-900 no-underline hover:bg-zinc-50 hover:no-underline">
                    <span aria-hidden className="flex size-9 items-center justify-center rounded-md bg-zinc-900 text-sm font-semibold text-white">
                      {w.name.trim().charAt(0).toUpperCase()}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">
                        {w.name} {w.id === user.lastTenantId && <span className="ml-1 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">last used</span>}
                      </span>
                      <span className="block text-xs text-zinc-500 capitalize">
                        {w.role} · {w.plan.name} plan
                      </span>
                    </span>
                    <IconChevronDown className="-rotate-90 text-zinc-400" />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="ws-create">
          <CardHeader id="ws-create" title="Create a workspace" />
          <CardBody>
            <ActionForm action={createWorkspaceAction} submitLabel="Create workspace" pendingLabel="Creating…">
              <Field name="name" label="Workspace name" required hint="Usually your business or brand. You can rename it later." />
            </ActionForm>
          </CardBody>
        </Card>
      </main>
    </div>
  );
}

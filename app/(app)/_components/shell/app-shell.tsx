import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import {
  IconActivity,
  IconCard,
  IconInstagram,
  IconKey,
  IconOverview,
  IconSettings,
  IconShield,
  IconTemplate,
  IconUsers,
  IconZap,
} from "@/components/ui/icons";
import { ToastProvider } from "@/components/ui/toast";
import type { Role } from "@/lib/tenancy/permissions";
import { Brand } from "./brand";
import { NavLink } from "./nav-link";
import { SidebarFrame } from "./sidebar-frame";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceSwitcher } from "./workspace-switcher";

type AccountSummary = { id: string; username: string; status: "active" | "reconnect_required" | "paused" | "disconnected" };

const ACCOUNT_DOT: Record<AccountSummary["status"], { dot: string; label: string }> = {
  active: { dot: "bg-emerald-500", label: "Active" },
  reconnect_required: { dot: "bg-red-500", label: "Reconnect required" },
  paused: { dot: "bg-amber-500", label: "Paused" },
  disconnected: { dot: "bg-zinc-300", label: "Disconnected" },
};

export type ShellProps = {
  base: string;
  workspace: { id: string; name: string };
  plan: string;
  role: Role;
  user: { email: string; name: string | null };
  workspaces: Parameters<typeof WorkspaceSwitcher>[0]["workspaces"];
  accounts: AccountSummary[];
  show: { apiKeys: boolean; billing: boolean };
  children: ReactNode;
};

/** The signed-in workspace frame: sidebar (switcher, navigation, account status, user) and the page. */
export function AppShell(p: ShellProps) {
  const sidebar = (
    <>
      <div className="flex h-14 shrink-0 items-center px-4">
        <Brand />
      </div>
      <div className="px-3">
        <WorkspaceSwitcher current={p.workspace} role={p.role} plan={p.plan} workspaces={p.workspaces} />
      </div>
      <nav aria-label="Workspace" className="mt-4 flex-1 overflow-y-auto px-3">
        <ul className="grid gap-0.5">
          <li><NavLink href={p.base} exact icon={<IconOverview />}>Overview</NavLink></li>
          <li><NavLink href={`${p.base}/automations`} icon={<IconZap />}>Automations</NavLink></li>
          <li><NavLink href={`${p.base}/activity`} icon={<IconActivity />}>Activity</NavLink></li>
          <li><NavLink href={`${p.base}/contacts`} icon={<IconUsers />}>Contacts</NavLink></li>
          <li><NavLink href={`${p.base}/templates`} icon={<IconTemplate />}>Templates</NavLink></li>
        </ul>
        <p className="mt-5 mb-1 px-2.5 text-xs font-medium text-zinc-500">Workspace</p>
        <ul className="grid gap-0.5">
          <li><NavLink href={`${p.base}/accounts`} icon={<IconInstagram />}>Instagram accounts</NavLink></li>
          <li><NavLink href={`${p.base}/members`} icon={<IconShield />}>Members</NavLink></li>
          {p.show.apiKeys && <li><NavLink href={`${p.base}/api-keys`} icon={<IconKey />}>API keys</NavLink></li>}
          {p.show.billing && <li><NavLink href={`${p.base}/billing`} icon={<IconCard />}>Plan &amp; usage</NavLink></li>}
          <li><NavLink href={`${p.base}/settings`} icon={<IconSettings />}>Settings</NavLink></li>
        </ul>
      </nav>
      <div className="border-t border-zinc-100 px-4 py-3">
        <p className="text-xs font-medium text-zinc-500">Instagram</p>
        {p.accounts.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-600">
            No account yet · <Link href={`${p.base}/accounts`}>Connect one</Link>
          </p>
        ) : (
          <ul className="mt-1 grid gap-1">
            {p.accounts.map((a) => (
              <li key={a.id} className="flex items-center gap-2 text-sm">
                <span aria-hidden className={cn("size-2 shrink-0 rounded-full", ACCOUNT_DOT[a.status].dot)} />
                <span className="min-w-0 flex-1 truncate text-zinc-800">@{a.username}</span>
                <span className="text-xs text-zinc-500">{ACCOUNT_DOT[a.status].label}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex items-center gap-2 border-t border-zinc-100 px-4 py-3">
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800">
          {(p.user.name ?? p.user.email).charAt(0).toUpperCase()}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-zinc-900">{p.user.name ?? p.user.email}</span>
          {p.user.name && <span className="block truncate text-xs text-zinc-500">{p.user.email}</span>}
        </span>
        <SignOutButton />
      </div>
    </>
  );
  return (
    <ToastProvider>
      <SidebarFrame brand={<Brand />} sidebar={sidebar}>
        {p.children}
      </SidebarFrame>
    </ToastProvider>
  );
}

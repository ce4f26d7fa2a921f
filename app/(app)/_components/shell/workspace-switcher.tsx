import Link from "next/link";
import { IconCheck, IconChevronDown, IconPlus } from "@/components/ui/icons";
import type { Role } from "@/lib/tenancy/permissions";

type Workspace = { id: string; slug: string; name: string; role: Role | null; plan: { name: string } };

/**
 * The current workspace and a menu of the others. A native <details>, so it opens with the
 * keyboard and works before any script has loaded.
 */
export function WorkspaceSwitcher({ current, role, plan, workspaces }: { current: { id: string; name: string }; role: Role; plan: string; workspaces: Workspace[] }) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2.5 rounded-lg border border-zinc-200 px-2.5 py-2 hover:bg-zinc-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-md bg-zinc-900 text-sm font-semibold text-white">
          {current.name.trim().charAt(0).toUpperCase() || "W"}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold text-zinc-900">
            <span className="sr-only">Workspace </span>
            {current.name}
          </span>
          <span className="block truncate text-xs text-zinc-500">
            you are {role} · {plan} plan
          </span>
        </span>
        <IconChevronDown size={16} className="shrink-0 text-zinc-400 transition-transform group-open:rotate-180" />
      </summary>
      <div className="absolute inset-x-0 top-full z-50 mt-1 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
        <p className="px-2 pt-1.5 pb-1 text-xs font-medium text-zinc-500">Switch workspace</p>
        <ul>
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link href={`/w/${w.slug}`} className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-800 no-underline hover:bg-zinc-100 hover:no-underline">
                <span className="min-w-0 flex-1 truncate">{w.name}</span>
                {w.id === current.id && <IconCheck size={16} className="text-brand-600" />}
              </Link>
            </li>
          ))}
        </ul>
        <Link href="/workspaces" className="mt-1 flex items-center gap-2 border-t border-zinc-100 px-2 pt-2 pb-1.5 text-sm text-zinc-700 no-underline hover:text-zinc-900 hover:no-underline">
          <IconPlus size={16} /> All workspaces
        </Link>
      </div>
    </details>
  );
}

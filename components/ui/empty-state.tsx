import type { ReactNode } from "react";

/** What a page shows before there is anything to show: what this is, and the next step. */
export function EmptyState({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center px-6 py-10 text-center">
      {icon && <div className="mb-3 flex size-11 items-center justify-center rounded-full bg-brand-50 text-brand-600">{icon}</div>}
      <p className="text-sm font-semibold text-zinc-900">{title}</p>
      {children && <div className="mt-1 max-w-md text-sm text-zinc-600">{children}</div>}
      {action && <div className="mt-4 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}

import type { ReactNode } from "react";
import { cn } from "./cn";

/** One headline number with its label and a line of context. */
export function Stat({ label, value, hint, accent }: { label: string; value: ReactNode; hint?: ReactNode; accent?: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-4 py-3 shadow-xs">
      <dt className="flex items-center gap-2 text-xs font-medium text-zinc-600">
        {accent && <span aria-hidden className={cn("size-2 rounded-full", accent)} />}
        {label}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-zinc-500">{hint}</dd>}
    </div>
  );
}

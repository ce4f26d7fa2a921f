import { cn } from "./cn";

/** A labelled usage bar (role=meter): amber from 80 %, red at the limit. */
export function Meter({ label, used, limit, detail }: { label: string; used: number; limit: number; detail?: string }) {
  const pct = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
  const tone = pct >= 100 ? "bg-red-500" : pct >= 80 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-800">{label}</span>
        <span className="text-zinc-600 tabular-nums">{detail}</span>
      </div>
      <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={limit} aria-valuenow={Math.min(used, limit)} className="mt-1.5 h-2 overflow-hidden rounded-full bg-zinc-100">
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${Math.max(pct, used > 0 ? 1.5 : 0)}%` }} />
      </div>
    </div>
  );
}

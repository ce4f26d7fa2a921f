import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { rateClassNoun, type AccountHealth } from "@/lib/dashboard/account-health";
import { formatAgo, formatDuration, formatNumber } from "@/lib/dashboard/format";
import { AccountStatusBadge } from "../status-badges";

const DOT = { ok: "bg-emerald-500", quiet: "bg-amber-500", none: "bg-zinc-300", off: "bg-zinc-300", slowed: "bg-amber-500", cooldown: "bg-red-500", unknown: "bg-zinc-300" } as const;

function per(windowMs: number): string {
  return windowMs <= 1_000 ? "per second" : windowMs >= 3_600_000 ? "per hour" : `per ${formatDuration(windowMs)}`;
}

function Fact({ label, dot, children }: { label: string; dot?: keyof typeof DOT; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 flex items-start gap-1.5 text-sm text-zinc-800">
        {dot && <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", DOT[dot])} />}
        <span className="min-w-0">{children}</span>
      </dd>
    </div>
  );
}

function queueText(a: AccountHealth, now: Date) {
  if (a.backlog.total === 0) return <>Nothing waiting</>;
  const eta = a.eta;
  const drain =
    a.parked > 0
      ? "held until the account can send again"
      : !eta || eta.ms < 1_500
      ? "going out now"
      : eta.limitedBy === "cooldown"
        ? `drains in about ${formatDuration(eta.ms)} (Instagram asked us to wait)`
        : eta.limitedBy === "none"
          ? `drains in about ${formatDuration(eta.ms)}`
          : `drains in about ${formatDuration(eta.ms)} (paced by the ${rateClassNoun(eta.limitedBy)} limit)`;
  return (
    <>
      <strong className="font-semibold tabular-nums">{formatNumber(a.backlog.total)}</strong> {a.backlog.total === 1 ? "send" : "sends"} waiting · {drain}
      {a.backlog.oldestScheduledAt && <span className="block text-xs text-zinc-500">oldest queued {formatAgo(a.backlog.oldestScheduledAt, now)}</span>}
    </>
  );
}

/** Per account: status, webhook health, the queue with its ETA, and the rate limiter. */
export function AccountHealthList({ accounts, base, now }: { accounts: AccountHealth[]; base: string; now: Date }) {
  return (
    <ul className="divide-y divide-zinc-100">
      {accounts.map((a) => (
        <li key={a.id} className="px-4 py-4 sm:px-5">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`${base}/accounts`} className="font-semibold text-zinc-900">
              @{a.username}
            </Link>
            <AccountStatusBadge status={a.status} />
            {a.parked > 0 && <span className="text-xs font-medium text-red-700">{formatNumber(a.parked)} sends parked: Instagram refused this account&apos;s token</span>}
          </div>
          <dl className="mt-3 grid gap-3 sm:grid-cols-3">
            <Fact label="Webhooks" dot={a.webhook.state}>
              {a.webhook.label}
              <span className="block text-xs text-zinc-500">last event {formatAgo(a.lastEventAt, now)}</span>
            </Fact>
            <Fact label="Queue" dot={a.backlog.total === 0 ? "ok" : a.eta && a.eta.ms > 300_000 ? "quiet" : "ok"}>
              {queueText(a, now)}
            </Fact>
            <Fact label="Rate limit" dot={a.rate.state}>
              {a.rate.label}
              {a.windows.length > 0 && (
                <span className="block text-xs text-zinc-500">
                  {a.windows.map((w) => `${rateClassNoun(w.cls)} ${formatNumber(w.used)}/${formatNumber(w.effectiveLimit)} ${per(w.windowMs)}`).join(" · ")}
                </span>
              )}
            </Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { lookupActivity } from "@/lib/activity/lookup-activity";
import { formatDateTime } from "@/lib/dashboard/format";
import { MESSAGE_KIND_LABEL, MessageStatusBadge, RunOutcomeBadge } from "../status-badges";

type Lookup = Awaited<ReturnType<typeof lookupActivity>>;

/** The answer to "why didn't @user get a DM?": one sentence first, then the evidence. */
export function LookupResult({ subject, result, timezone }: { subject: string; result: Lookup; timezone: string }) {
  return (
    <Card className="mb-4 border-brand-200" aria-labelledby="lookup-title">
      <CardHeader id="lookup-title" title={`About ${subject}`} />
      <CardBody className="grid gap-4">
        <p className="text-base font-medium text-zinc-900" data-testid="lookup-summary">{result.summary}</p>
        {result.notes.length > 0 && (
          <ul className="grid gap-1">
            {result.notes.map((n) => (
              <li key={n} className="text-sm text-amber-800">{n}</li>
            ))}
          </ul>
        )}
        {(result.messages.length > 0 || result.runs.length > 0) && (
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="mb-2 text-xs font-medium text-zinc-500">Sends</h3>
              <ul className="grid gap-2">
                {result.messages.slice(0, 8).map((m) => (
                  <li key={m.id} className="text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <MessageStatusBadge status={m.status} />
                      <span className="font-medium">{MESSAGE_KIND_LABEL[m.kind] ?? m.kind}</span>
                      <span className="text-xs text-zinc-500">{formatDateTime(m.createdAt, timezone)}</span>
                    </div>
                    <p className="text-xs text-zinc-600">{m.reason ?? `by “${m.automationName ?? "a deleted automation"}”`}</p>
                  </li>
                ))}
                {result.messages.length === 0 && <li className="text-sm text-zinc-500">Nothing was sent.</li>}
              </ul>
            </div>
            <div>
              <h3 className="mb-2 text-xs font-medium text-zinc-500">Automations that looked at it</h3>
              <ul className="grid gap-2">
                {result.runs.slice(0, 8).map((r) => (
                  <li key={r.id} className="text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <RunOutcomeBadge outcome={r.outcome} />
                      <span className="font-medium">{r.automationName ?? "No automation"}</span>
                      <span className="text-xs text-zinc-500">{formatDateTime(r.createdAt, timezone)}</span>
                    </div>
                    <p className="text-xs text-zinc-600">{r.reason}</p>
                  </li>
                ))}
                {result.runs.length === 0 && <li className="text-sm text-zinc-500">No automation ran.</li>}
              </ul>
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

type Option = { id: string; label: string };

/** The log's filters as a plain GET form: every filtered view is a shareable URL. */
export function ActivityFilters(p: {
  base: string;
  view: "messages" | "runs";
  values: Record<string, string | undefined>;
  accounts: Option[];
  automations: Option[];
}) {
  const v = p.values;
  const statuses = p.view === "messages" ? ["sent", "queued", "sending", "skipped", "failed", "unknown"] : ["matched", "skipped", "failed"];
  const field = p.view === "messages" ? "status" : "outcome";
  return (
    <form method="get" role="search" aria-label="Filter activity" className="grid grid-cols-2 items-end gap-2 border-b border-zinc-100 px-4 py-3 sm:flex sm:flex-wrap sm:px-5">
      <input type="hidden" name="view" value={p.view} />
      <div className="grid gap-1">
        <label htmlFor="f-account" className="text-xs font-medium text-zinc-600">Account</label>
        <Select id="f-account" name="accountId" defaultValue={v.accountId ?? ""} className="w-full sm:w-36">
          <option value="">All accounts</option>
          {p.accounts.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </Select>
      </div>
      <div className="grid gap-1">
        <label htmlFor="f-automation" className="text-xs font-medium text-zinc-600">Automation</label>
        <Select id="f-automation" name="automationId" defaultValue={v.automationId ?? ""} className="w-full sm:w-44">
          <option value="">All automations</option>
          {p.automations.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </Select>
      </div>
      <div className="grid gap-1">
        <label htmlFor="f-status" className="text-xs font-medium text-zinc-600">{p.view === "messages" ? "Status" : "Outcome"}</label>
        <Select id="f-status" name={field} defaultValue={v[field] ?? ""} className="w-full sm:w-32">
          <option value="">Any</option>
          {statuses.map((s) => <option key={s} value={s} className="capitalize">{s}</option>)}
        </Select>
      </div>
      {p.view === "messages" && (
        <div className="grid gap-1">
          <label htmlFor="f-kind" className="text-xs font-medium text-zinc-600">Kind</label>
          <Select id="f-kind" name="kind" defaultValue={v.kind ?? ""} className="w-full sm:w-36">
            <option value="">Any kind</option>
            <option value="public_reply">Public reply</option>
            <option value="private_reply">Private reply</option>
            <option value="dm">DM</option>
            <option value="hide_comment">Hide comment</option>
            <option value="webhook">Webhook</option>
          </Select>
        </div>
      )}
      <div className="grid gap-1">
        <label htmlFor="f-from" className="text-xs font-medium text-zinc-600">From</label>
        <Input id="f-from" name="from" type="date" defaultValue={v.from} className="w-full sm:w-36" />
      </div>
      <div className="grid gap-1">
        <label htmlFor="f-to" className="text-xs font-medium text-zinc-600">Before</label>
        <Input id="f-to" name="to" type="date" defaultValue={v.to} className="w-full sm:w-36" />
      </div>
      <Button type="submit" variant="secondary">Apply</Button>
      <ButtonLink href={`${p.base}?view=${p.view}`} variant="ghost">Reset</ButtonLink>
    </form>
  );
}

import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { IconActivity, IconSearch } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SegmentedLinks } from "@/components/ui/segmented";
import { listMessages } from "@/lib/activity/list-messages";
import { listRuns } from "@/lib/activity/list-runs";
import { lookupActivity } from "@/lib/activity/lookup-activity";
import { ZActivityLookupQuery, ZListMessagesQuery, ZListRunsQuery } from "@/lib/activity/schemas";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { ActivityFilters } from "../../../_components/activity/activity-filters";
import { ActivityTable } from "../../../_components/activity/activity-table";
import { LookupResult } from "../../../_components/activity/lookup-result";
import { AutoRefresh } from "../../../_components/auto-refresh";

export const metadata = { title: "Activity · Replyflow" };

type Search = Record<string, string | undefined>;
const FILTER_KEYS = ["accountId", "automationId", "status", "outcome", "kind", "from", "to", "cursor"] as const;

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const ctx = await workspacePage((await params).slug);
  const raw = await searchParams;
  const view = raw.view === "runs" ? "runs" : "messages";
  const base = `/w/${ctx.tenant.slug}/activity`;
  const filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (raw[k] ? [[k, raw[k]]] : [])));
  const lookupText = raw.lookup?.trim();
  const lookupBy = raw.lookupBy === "commentId" || (!raw.lookupBy && lookupText && /^\d{8,}$/.test(lookupText)) ? "commentId" : "username";
  const lookupQuery = lookupText ? ZActivityLookupQuery.safeParse({ [lookupBy]: lookupText }) : null;

  const listQuery = (view === "runs" ? ZListRunsQuery : ZListMessagesQuery).safeParse({ limit: "50", ...filters });
  const [tenant, accounts, automations, page, lookup] = await Promise.all([
    ctx.read.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { timezone: true } }),
    ctx.read.instagramAccount.findMany({ select: { id: true, username: true } }),
    ctx.read.automation.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, take: 200, select: { id: true, name: true } }),
    !listQuery.success
      ? null
      : view === "runs"
        ? listRuns(ctx, ZListRunsQuery.parse({ limit: "50", ...filters })).then((p) => ({ kind: "runs" as const, ...p }))
        : listMessages(ctx, ZListMessagesQuery.parse({ limit: "50", ...filters })).then((p) => ({ kind: "messages" as const, ...p })),
    lookupQuery?.success ? lookupActivity(ctx, lookupQuery.data) : null,
  ]);
  const keep = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ ...(filters as Record<string, string>), view, ...extra })}`;
  const filtered = Object.keys(filters).some((k) => k !== "cursor");
  return (
    <>
      <AutoRefresh seconds={10} />
      <PageHeader
        title="Activity"
        description="Every automation run and every send, with the reason when something did not go out."
        actions={
          <SegmentedLinks
            label="Show"
            items={[
              { href: `${base}?view=messages`, label: "Messages", current: view === "messages" },
              { href: `${base}?view=runs`, label: "Runs", current: view === "runs" },
            ]}
          />
        }
      />
      <Card className="mb-4">
        <form method="get" className="flex flex-wrap items-end gap-2 px-4 py-4 sm:px-5" role="search" aria-label="Look up a person or a comment">
          <input type="hidden" name="view" value={view} />
          <div className="grid min-w-64 flex-1 gap-1">
            <label id="why-title" htmlFor="lookup" className="text-sm font-semibold text-zinc-900">
              Why didn&apos;t someone get a DM?
            </label>
            <div className="relative">
              <IconSearch size={16} className="pointer-events-none absolute top-2.5 left-2.5 text-zinc-400" />
              <Input id="lookup" name="lookup" defaultValue={lookupText} placeholder="@username or comment id" className="pl-8" />
            </div>
          </div>
          <div className="grid gap-1">
            <label htmlFor="lookup-by" className="sr-only">Look up by</label>
            <Select id="lookup-by" name="lookupBy" defaultValue={lookupBy} className="w-36">
              <option value="username">Username</option>
              <option value="commentId">Comment id</option>
            </Select>
          </div>
          <Button type="submit">Look up</Button>
        </form>
        {lookupQuery && !lookupQuery.success && <p className="px-5 pb-4 text-sm text-red-700">{lookupQuery.error.issues[0]?.message}</p>}
      </Card>
      {lookup && <LookupResult subject={lookupBy === "commentId" ? `comment ${lookupText}` : `@${lookupText!.replace(/^@/, "")}`} result={lookup} timezone={tenant.timezone} />}
      <Card aria-label={view === "runs" ? "Runs" : "Messages"}>
        <ActivityFilters
          base={base}
          view={view}
          values={raw}
          accounts={accounts.map((a) => ({ id: a.id, label: `@${a.username}` }))}
          automations={automations.map((a) => ({ id: a.id, label: a.name }))}
        />
        {!page ? (
          <p className="px-5 py-4 text-sm text-red-700">{listQuery.success ? "" : `These filters are not valid: ${listQuery.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`}</p>
        ) : page.data.length === 0 ? (
          <EmptyState
            icon={<IconActivity />}
            title={filtered ? "Nothing matches these filters" : view === "runs" ? "No runs yet" : "Nothing sent yet"}
            action={filtered ? <ButtonLink href={`${base}?view=${view}`} variant="secondary">Clear filters</ButtonLink> : null}
          >
            {filtered ? "Widen the time range or pick another automation." : "Once an automation answers a comment or DM, every step shows up here within a second, with its outcome."}
          </EmptyState>
        ) : (
          <ActivityTable page={page} timezone={tenant.timezone} accounts={new Map(accounts.map((a) => [a.id, a.username]))} lookupHref={(u) => keep({ lookup: u, lookupBy: "username", cursor: "" })} />
        )}
        {page?.nextCursor && (
          <div className="flex justify-end border-t border-zinc-100 px-5 py-3">
            <ButtonLink href={keep({ cursor: page.nextCursor })} variant="secondary" size="sm">Older →</ButtonLink>
          </div>
        )}
      </Card>
    </>
  );
}

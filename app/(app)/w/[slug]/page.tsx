import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { IconCheck } from "@/components/ui/icons";
import { Meter } from "@/components/ui/meter";
import { PageHeader } from "@/components/ui/page-header";
import { SegmentedLinks } from "@/components/ui/segmented";
import { Stat } from "@/components/ui/stat";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/lib/dashboard/format";
import { loadOverview, OVERVIEW_RANGES, parseRange } from "@/lib/dashboard/load-overview";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { ActivityChart } from "../../_components/activity-chart";
import { AccountHealthList } from "../../_components/overview/account-health-list";
import { PipelineCard } from "../../_components/overview/pipeline-card";
import { AutoRefresh } from "../../_components/auto-refresh";

export const metadata = { title: "Overview · Replyflow" };

export default async function OverviewPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ days?: string }> }) {
  const ctx = await workspacePage((await params).slug);
  const now = new Date();
  const tenant = await ctx.read.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { createdAt: true } });
  const days = parseRange((await searchParams).days, tenant.createdAt, now);
  const o = await loadOverview(ctx, days, now);
  const base = `/w/${ctx.tenant.slug}`;
  const t = o.stats.totals;
  const latest = o.stats.series[o.stats.series.length - 1];
  const latestLabel = o.granularity === "hour" ? "this hour" : "today";
  const automationsTotal = o.automations.active + o.automations.paused + o.automations.draft;
  const live = o.accounts.filter((a) => a.status !== "disconnected");
  return (
    <>
      <AutoRefresh />
      <PageHeader
        title="Overview"
        description={`What Replyflow did for ${ctx.tenant.name} in the last ${days === 1 ? "24 hours" : `${days} days`}.`}
        actions={<SegmentedLinks label="Period" items={OVERVIEW_RANGES.map((d) => ({ href: `${base}?days=${d}`, label: d === 1 ? "24 hours" : `${d} days`, current: d === days }))} />}
      />
      {o.accounts
        .filter((a) => a.status === "reconnect_required")
        .map((a) => (
          <p key={a.id} role="alert" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-600/20">
            <span>
              Instagram no longer accepts @{a.username}&apos;s login, so its replies are on hold{a.parked > 0 ? ` (${formatNumber(a.parked)} waiting)` : ""}. Nothing is lost: they go out once it is reconnected.
            </span>
            <ButtonLink href={`${base}/accounts`} size="sm" variant="danger">Reconnect</ButtonLink>
          </p>
        ))}
      {(live.length === 0 || automationsTotal === 0) && (
        <GettingStarted base={base} connected={live.length > 0} hasAutomation={automationsTotal > 0} canConnect={can(ctx, "accounts.manage")} canBuild={can(ctx, "automations.write")} />
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Totals">
        <Stat label="Events received" accent="bg-brand-500" value={formatNumber(t.events)} hint={`${formatNumber(latest?.events ?? 0)} ${latestLabel}`} />
        <Stat label="Replies sent" accent="bg-emerald-500" value={formatNumber(t.sent)} hint={`${formatNumber(latest?.sent ?? 0)} ${latestLabel}`} />
        <Stat label="Sends skipped" accent="bg-amber-500" value={formatNumber(t.skipped)} hint="each with its reason" />
        <Stat label="Sends failed" accent="bg-red-500" value={formatNumber(t.failed)} hint={t.failed ? <Link href={`${base}/activity?status=failed`}>See why</Link> : "nothing failed"} />
        <Stat label="Link clicks" accent="bg-sky-500" value={formatNumber(t.clicks)} hint="tracked links in DMs" />
      </dl>
      <Card className="mt-4" aria-labelledby="chart-title">
        <CardHeader id="chart-title" title="Activity over time" description={`Per ${o.granularity}, UTC. Sends count public replies, private replies and DMs.`} />
        <ActivityChart data={o.stats.series} granularity={o.granularity} />
      </Card>
      <div className="mt-4 grid items-start gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="accounts-title">
          <CardHeader
            id="accounts-title"
            title="Instagram accounts"
            description="Webhook health, queue and rate limits, live."
            actions={<ButtonLink href={`${base}/accounts`} variant="secondary" size="sm">Manage</ButtonLink>}
          />
          {o.accounts.length === 0 ? (
            <CardBody>
              <p className="text-sm text-zinc-600">No Instagram account is connected. Comments and DMs start arriving the moment you connect one.</p>
            </CardBody>
          ) : (
            <AccountHealthList accounts={o.accounts} base={base} now={now} />
          )}
        </Card>
        <div className="grid content-start gap-4">
          <Card aria-labelledby="automations-title">
            <CardHeader id="automations-title" title="Automations" actions={<ButtonLink href={`${base}/automations`} variant="secondary" size="sm">Open</ButtonLink>} />
            <CardBody>
              <dl className="grid grid-cols-3 text-center">
                {(["active", "paused", "draft"] as const).map((s) => (
                  <div key={s}>
                    <dt className="text-xs text-zinc-500 capitalize">{s}</dt>
                    <dd className="text-xl font-semibold tabular-nums">{o.automations[s]}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
          {o.usage && (
            <Card aria-labelledby="usage-title">
              <CardHeader id="usage-title" title="Usage this month" description={`${o.usage.plan.name} plan`} actions={<ButtonLink href={`${base}/billing`} variant="secondary" size="sm">Details</ButtonLink>} />
              <CardBody className="grid gap-4">
                <Meter label="DMs and private replies" used={o.usage.limits.messages.used} limit={o.usage.limits.messages.limit} detail={`${formatNumber(o.usage.limits.messages.used)} / ${formatNumber(o.usage.limits.messages.limit)}`} />
                <Meter label="Public replies" used={o.usage.limits.publicReplies.used} limit={o.usage.limits.publicReplies.limit} detail={`${formatNumber(o.usage.limits.publicReplies.used)} / ${formatNumber(o.usage.limits.publicReplies.limit)}`} />
              </CardBody>
            </Card>
          )}
          <PipelineCard pipeline={o.pipeline} />
        </div>
      </div>
    </>
  );
}

function GettingStarted(p: { base: string; connected: boolean; hasAutomation: boolean; canConnect: boolean; canBuild: boolean }) {
  const steps = [
    {
      done: p.connected,
      title: "Connect your Instagram account",
      body: "Replyflow reads comments and DMs through Instagram's official API. It takes a minute.",
      action: p.canConnect ? <ButtonLink href={`${p.base}/accounts`} size="sm">Connect Instagram</ButtonLink> : <span className="text-xs text-zinc-500">An owner or admin connects accounts.</span>,
    },
    {
      done: p.hasAutomation,
      title: "Build your first automation",
      body: "“When someone comments PRICE, reply publicly and DM them the price list.”",
      action: p.canBuild ? <ButtonLink href={`${p.base}/automations/new`} size="sm" variant={p.connected ? "primary" : "secondary"}>New automation</ButtonLink> : null,
    },
    { done: false, title: "Test it with a sample comment", body: "The builder tells you which automation would answer, and why — before anyone sees it.", action: null },
  ];
  return (
    <Card className="mb-6" aria-labelledby="start-title">
      <CardHeader id="start-title" title="Get started" description="Three steps to your first automatic reply." />
      <ol className="grid gap-px overflow-hidden rounded-b-xl bg-zinc-100 sm:grid-cols-3">
        {steps.map((s, i) => (
          <li key={s.title} className="flex flex-col gap-2 bg-white px-5 py-4">
            <span className={cn("flex size-6 items-center justify-center rounded-full text-xs font-semibold", s.done ? "bg-emerald-100 text-emerald-700" : "bg-brand-50 text-brand-700")}>
              {s.done ? <IconCheck size={14} /> : i + 1}
              <span className="sr-only">{s.done ? " (done)" : ""}</span>
            </span>
            <p className="text-sm font-semibold">{s.title}</p>
            <p className="text-sm text-zinc-600">{s.body}</p>
            {!s.done && s.action && <div className="mt-auto pt-1">{s.action}</div>}
          </li>
        ))}
      </ol>
    </Card>
  );
}

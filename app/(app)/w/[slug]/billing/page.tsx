import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Meter } from "@/components/ui/meter";
import { PageHeader } from "@/components/ui/page-header";
import { formatNumber } from "@/lib/dashboard/format";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { getUsage } from "@/lib/usage/get-usage";

export const metadata = { title: "Plan & usage · Replyflow" };

const price = (cents: number) => (cents === 0 ? "Free" : `$${(cents / 100).toFixed(0)}/month`);

export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await workspacePage((await params).slug);
  if (!can(ctx, "billing.read")) {
    return (
      <>
        <PageHeader title="Plan & usage" />
        <Card><CardBody><p className="text-sm text-zinc-600">Only owners and admins see the plan and usage.</p></CardBody></Card>
      </>
    );
  }
  const [usage, plans, counts] = await Promise.all([
    getUsage(ctx),
    ctx.read.plan.findMany({ orderBy: { priceCents: "asc" } }),
    Promise.all([
      ctx.read.instagramAccount.count({ where: { status: { not: "disconnected" } } }),
      ctx.read.membership.count(),
      ctx.read.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
      ctx.read.automation.count({ where: { deletedAt: null } }),
    ]),
  ]);
  const [accounts, members, pendingInvites, automations] = counts;
  const plan = plans.find((p) => p.key === usage.plan.key);
  const resets = new Date(usage.periodEnd).toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeader title="Plan & usage" description={`Plans meter automated sends per month, never contacts. Usage resets on ${resets}.`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="usage-title">
          <CardHeader id="usage-title" title={`This month (${usage.period})`} description="Over-quota sends are skipped with a reason, never sent." />
          <CardBody className="grid gap-5">
            <Meter label="DMs and private replies" used={usage.limits.messages.used} limit={usage.limits.messages.limit} detail={`${formatNumber(usage.limits.messages.used)} of ${formatNumber(usage.limits.messages.limit)}`} />
            <Meter label="Public comment replies" used={usage.limits.publicReplies.used} limit={usage.limits.publicReplies.limit} detail={`${formatNumber(usage.limits.publicReplies.used)} of ${formatNumber(usage.limits.publicReplies.limit)}`} />
            <p className="text-xs text-zinc-500">
              {formatNumber(usage.counts.dms)} DMs · {formatNumber(usage.counts.privateReplies)} private replies · {formatNumber(usage.counts.publicReplies)} public replies
            </p>
          </CardBody>
        </Card>
        {plan && (
          <Card aria-labelledby="limits-title">
            <CardHeader id="limits-title" title={`${plan.name} plan limits`} actions={<Badge tone="brand">{price(plan.priceCents)}</Badge>} />
            <CardBody className="grid gap-5">
              <Meter label="Instagram accounts" used={accounts} limit={plan.accountLimit} detail={`${accounts} of ${plan.accountLimit}`} />
              <Meter label="Members and open invitations" used={members + pendingInvites} limit={plan.memberLimit} detail={`${members + pendingInvites} of ${plan.memberLimit}`} />
              <Meter label="Automations" used={automations} limit={plan.automationLimit} detail={`${automations} of ${plan.automationLimit}`} />
              <p className="text-sm text-zinc-600">Activity is kept for up to {plan.retentionDays} days.</p>
            </CardBody>
          </Card>
        )}
      </div>
      <h2 className="mt-8 mb-3 text-sm font-semibold">Plans</h2>
      <ul className="grid gap-4 md:grid-cols-3">
        {plans.map((p) => (
          <li key={p.id} className={cn("rounded-xl border bg-white p-5 shadow-xs", p.key === usage.plan.key ? "border-brand-500 ring-1 ring-brand-500" : "border-zinc-200")}>
            <div className="flex items-center justify-between">
              <p className="font-semibold">{p.name}</p>
              {p.key === usage.plan.key && <Badge tone="brand">Current</Badge>}
            </div>
            <p className="mt-1 text-2xl font-semibold tracking-tight">{price(p.priceCents)}</p>
            <ul className="mt-3 grid gap-1 text-sm text-zinc-600">
              <li>{formatNumber(p.monthlyDmLimit)} DMs and private replies / month</li>
              <li>{formatNumber(p.monthlyReplyLimit)} public replies / month</li>
              <li>{p.accountLimit} Instagram {p.accountLimit === 1 ? "account" : "accounts"} · {p.memberLimit} members</li>
              <li>{formatNumber(p.automationLimit)} automations · {p.retentionDays}-day history</li>
            </ul>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm text-zinc-500">{can(ctx, "billing.manage") ? "To change plans, contact support: self-serve checkout is not available yet." : "Only the owner changes the plan."}</p>
    </>
  );
}

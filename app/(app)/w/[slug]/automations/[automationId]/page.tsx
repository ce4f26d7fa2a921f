import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import type { TAutomationDefinitionInput } from "@/lib/automations/schema";
import { getAutomation } from "@/lib/automations/services/get-automation";
import { formatNumber } from "@/lib/dashboard/format";
import { loadBuilderContext } from "@/lib/dashboard/load-builder-context";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { AutomationBuilder } from "../../../../_components/builder/builder";

export const metadata = { title: "Automation · Replyflow" };

export default async function AutomationPage({ params }: { params: Promise<{ slug: string; automationId: string }> }) {
  const { slug, automationId } = await params;
  const ctx = await workspacePage(slug);
  const found = await getAutomation(ctx, automationId).catch((err: unknown) => {
    if (err instanceof ApiError && err.code === "not_found") notFound();
    throw err;
  });
  const a = found.automation;
  const b = await loadBuilderContext(ctx);
  const c = a.last7Days ?? { matched: 0, skipped: 0, sent: 0, failed: 0 };
  const base = `/w/${ctx.tenant.slug}`;
  // The account may since have been disconnected: keep it selectable so the automation still renders.
  const accounts = b.accounts.some((x) => x.id === a.accountId)
    ? b.accounts
    : [...b.accounts, ...(await ctx.read.instagramAccount.findMany({ where: { id: a.accountId }, select: { id: true, username: true, status: true } }))];
  return (
    <>
      <PageHeader
        title={a.name}
        description={
          <>
            Last 7 days: {formatNumber(c.matched)} matched · {formatNumber(c.sent)} sent · {formatNumber(c.skipped)} skipped · {formatNumber(c.failed)} failed ·{" "}
            <Link href={`${base}/activity?automationId=${a.id}`}>See its activity</Link>
          </>
        }
      />
      <AutomationBuilder
        slug={ctx.tenant.slug}
        workspaceId={ctx.tenant.id}
        timezone={b.timezone}
        accounts={accounts}
        templates={b.templates}
        canEdit={can(ctx, "automations.write")}
        initial={{ name: a.name, accountId: a.accountId, priority: a.priority, definition: a.definition as TAutomationDefinitionInput }}
        existing={{ id: a.id, status: a.status, version: a.version }}
      />
    </>
  );
}

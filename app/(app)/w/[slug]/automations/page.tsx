import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IconPlus, IconZap } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { describeTrigger } from "@/lib/automations/explain";
import { ZTrigger } from "@/lib/automations/schema";
import { listAutomations } from "@/lib/automations/services/list-automations";
import { formatAgo, formatNumber } from "@/lib/dashboard/format";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { AutomationToggle } from "../../../_components/automation-toggle";
import { AutomationStatusBadge } from "../../../_components/status-badges";
import { AutoRefresh } from "../../../_components/auto-refresh";

export const metadata = { title: "Automations · Replyflow" };

function triggerText(raw: unknown): string {
  const t = ZTrigger.safeParse(raw);
  return t.success ? describeTrigger(t.data) : "Trigger needs attention";
}

export default async function AutomationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await workspacePage((await params).slug);
  const base = `/w/${ctx.tenant.slug}`;
  const [page, accounts] = await Promise.all([
    listAutomations(ctx, { limit: 100 }),
    ctx.read.instagramAccount.findMany({ select: { id: true, username: true } }),
  ]);
  const username = new Map(accounts.map((a) => [a.id, a.username]));
  const write = can(ctx, "automations.write");
  const now = new Date();
  const newButton = write && accounts.length > 0 ? <ButtonLink href={`${base}/automations/new`}><IconPlus size={16} /> New automation</ButtonLink> : null;
  return (
    <>
      <AutoRefresh />
      <PageHeader
        title="Automations"
        description="Each one listens on one account. When several match the same event, the highest priority answers — only one reply per event."
        actions={newButton}
      />
      <Card aria-label="Automations">
        {page.data.length === 0 ? (
          <EmptyState
            icon={<IconZap />}
            title={accounts.length === 0 ? "Connect an Instagram account first" : "No automations yet"}
            action={accounts.length === 0 ? <ButtonLink href={`${base}/accounts`}>Connect Instagram</ButtonLink> : newButton}
          >
            {accounts.length === 0
              ? "Automations answer the comments and DMs of a connected account."
              : "Start with the classic: when someone comments a keyword, reply publicly and send them a DM."}
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th className="w-12"><span className="sr-only">On</span></Th>
                <Th>Automation</Th>
                <Th>Status</Th>
                <Th className="text-right">Matched · 7 days</Th>
                <Th className="text-right">Sent</Th>
                <Th className="text-right">Skipped</Th>
                <Th className="text-right">Failed</Th>
                <Th>Updated</Th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((a) => {
                const c = a.last7Days ?? { matched: 0, skipped: 0, sent: 0, failed: 0 };
                return (
                  <tr key={a.id} className="hover:bg-zinc-50/60">
                    <Td>
                      {write ? <AutomationToggle workspaceId={ctx.tenant.id} id={a.id} name={a.name} status={a.status} version={a.version} /> : null}
                    </Td>
                    <Td className="min-w-56">
                      <Link href={`${base}/automations/${a.id}`} className="font-medium text-zinc-900">
                        {a.name}
                      </Link>
                      <span className="block text-xs text-zinc-500">
                        {triggerText(a.definition.trigger)} · @{username.get(a.accountId) ?? "unknown"}
                        {a.priority !== 0 && ` · priority ${a.priority}`}
                      </span>
                    </Td>
                    <Td><AutomationStatusBadge status={a.status} /></Td>
                    <Td className="text-right tabular-nums">{formatNumber(c.matched)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(c.sent)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(c.skipped)}</Td>
                    <Td className={c.failed ? "text-right font-medium text-red-700 tabular-nums" : "text-right tabular-nums"}>{formatNumber(c.failed)}</Td>
                    <Td className="whitespace-nowrap text-zinc-600">{formatAgo(a.updatedAt, now)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      {!write && page.data.length > 0 && <p className="mt-3 text-sm text-zinc-600">You can view automations; owners, admins and editors change them.</p>}
    </>
  );
}

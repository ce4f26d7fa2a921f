import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IconInstagram } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { connectErrorMessage } from "@/lib/instagram/connect/connect-messages";
import { lastEventTimes } from "@/lib/dashboard/last-events";
import { listAccounts } from "@/lib/instagram/connect/list-accounts";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { ActionForm } from "../../../_components/action-form";
import { AccountStatusBadge } from "../../../_components/status-badges";
import { connectAccountAction, disconnectAccountAction } from "./actions";

export const metadata = { title: "Instagram accounts · Replyflow" };

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "—");

type Search = { connected?: string | string[]; error?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AccountsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const ctx = await workspacePage((await params).slug);
  const search = await searchParams;
  const [connected, error] = [first(search.connected), first(search.error)];
  const workspace = ctx.tenant.slug;
  const accounts = await listAccounts(ctx, { limit: 100 });
  const lastEvents = await lastEventTimes(ctx, accounts.data.map((a) => ({ id: a.id, lastWebhookAt: a.lastWebhookAt ? new Date(a.lastWebhookAt) : null })));
  const manage = can(ctx, "accounts.manage");
  // Only an account really listed here is announced: the URL alone cannot make the page say anything.
  const justConnected = connected ? accounts.data.find((a) => a.username === connected && a.status === "active") : undefined;
  const connect = manage ? (
    <ActionForm action={connectAccountAction} hidden={{ workspace }} submitLabel="Connect Instagram account" pendingLabel="Opening Instagram…" />
  ) : null;
  return (
    <>
      <PageHeader
        title="Instagram accounts"
        id="accounts"
        description="The professional accounts this workspace answers for. Replyflow subscribes to their comments and messages through Instagram's official API."
      />
      {justConnected && (
        <p className="mb-4 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-600/20" role="status">
          Connected @{justConnected.username}. Replyflow now receives its comments and messages.
        </p>
      )}
      {error && (
        <p className="mb-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-600/20" role="alert">
          {connectErrorMessage(error)}
        </p>
      )}
      <Card aria-labelledby="accounts-list">
        <CardHeader id="accounts-list" title="Connected accounts" actions={accounts.data.length > 0 ? connect : null} />
        {accounts.data.length === 0 ? (
          <EmptyState icon={<IconInstagram />} title="No Instagram account is connected yet." action={connect}>
            {manage
              ? "Connect a professional (business or creator) account. You log in on Instagram and choose what Replyflow may do; nothing is posted until you build an automation."
              : "Only owners and admins can connect or disconnect Instagram accounts."}
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Account</Th>
                <Th>Status</Th>
                <Th>Token expires</Th>
                <Th>Webhooks</Th>
                <Th>Last event</Th>
                <Th><span className="sr-only">Actions</span></Th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((a) => (
                <tr key={a.id}>
                  <Td>
                    <span className="font-medium">@{a.username}</span>
                    {a.name && <span className="block text-xs text-zinc-500">{a.name}</span>}
                  </Td>
                  <Td><AccountStatusBadge status={a.status} /></Td>
                  <Td className="whitespace-nowrap text-zinc-600">{date(a.token.expiresAt)}</Td>
                  <Td className="max-w-64 text-xs text-zinc-600">{a.webhookFields.length ? a.webhookFields.join(", ") : "none"}</Td>
                  <Td className="whitespace-nowrap text-zinc-600">{date(lastEvents.get(a.id)?.toISOString() ?? null)}</Td>
                  <Td className="text-right">
                    {manage && a.status === "reconnect_required" && (
                      <ActionForm action={connectAccountAction} hidden={{ workspace }} submitLabel={`Reconnect @${a.username}`} pendingLabel="Opening Instagram…" inline />
                    )}
                    {manage && a.status !== "disconnected" && (
                      <ActionForm action={disconnectAccountAction} hidden={{ workspace, accountId: a.id }} submitLabel={`Disconnect @${a.username}`} pendingLabel="Disconnecting…" variant="danger" inline />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {!manage && accounts.data.length > 0 && (
          <CardBody>
            <p className="text-sm text-zinc-600">Only owners and admins can connect or disconnect Instagram accounts.</p>
          </CardBody>
        )}
        {manage && accounts.data.some((a) => a.status === "reconnect_required" || a.status === "disconnected") && (
          <CardBody className="border-t border-zinc-100">
            <p className="text-sm text-zinc-600">To reconnect an account, connect it again and log in to that Instagram account: its automations and history are kept.</p>
          </CardBody>
        )}
      </Card>
    </>
  );
}

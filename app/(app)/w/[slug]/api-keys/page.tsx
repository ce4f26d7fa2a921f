import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IconKey } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { can } from "@/lib/tenancy/authorize";
import { API_KEY_SCOPES } from "@/lib/tenancy/permissions";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { ActionForm } from "../../../_components/action-form";
import { revokeApiKeyAction } from "./actions";
import { CreateApiKeyForm } from "./create-api-key-form";

export const metadata = { title: "API keys · Replyflow" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await workspacePage((await params).slug);
  if (!can(ctx, "apiKeys.read")) {
    return (
      <>
        <PageHeader title="API keys" />
        <Card><CardBody><p className="text-sm text-zinc-600">Only owners and admins manage API keys.</p></CardBody></Card>
      </>
    );
  }
  const workspace = ctx.tenant.slug;
  const keys = await listApiKeys(ctx, { limit: 100 });
  const manage = can(ctx, "apiKeys.manage");
  return (
    <>
      <PageHeader
        id="keys"
        title="API keys"
        description={
          <>
            Send a key as <code>Authorization: Bearer rf_live_…</code> to <code>/api/v1</code>. It acts in this workspace only, with its scopes.
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-3" aria-labelledby="keys-list">
          <CardHeader id="keys-list" title="Keys" />
          {keys.data.length === 0 ? (
            <EmptyState icon={<IconKey />} title="No keys yet.">
              Create a key to connect Zapier, Make or your own code. You will see it once; Replyflow keeps only its hash.
            </EmptyState>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Key</Th>
                  <Th>Scopes</Th>
                  <Th>Last used</Th>
                  <Th>Status</Th>
                  <Th><span className="sr-only">Actions</span></Th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((k) => (
                  <tr key={k.id}>
                    <Td className="font-medium">{k.name}</Td>
                    <Td><code>{k.prefix}…</code></Td>
                    <Td className="max-w-56 text-xs text-zinc-600">{k.scopes.join(", ")}</Td>
                    <Td className="whitespace-nowrap text-zinc-600">{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString("en") : "never"}</Td>
                    <Td><Badge tone={k.status === "active" ? "green" : "neutral"}>{k.status}</Badge></Td>
                    <Td className="text-right">{manage && k.status === "active" && <ActionForm action={revokeApiKeyAction} hidden={{ workspace, apiKeyId: k.id }} submitLabel="Revoke" variant="danger" inline />}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        {manage && (
          <Card className="lg:col-span-2" aria-labelledby="new-key">
            <CardHeader id="new-key" title="Create a key" />
            <CardBody>
              <CreateApiKeyForm workspace={workspace} scopes={API_KEY_SCOPES} />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}

import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { loadBuilderContext } from "@/lib/dashboard/load-builder-context";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { AutomationBuilder } from "../../../../_components/builder/builder";
import { newDraft } from "../../../../_components/builder/draft";

export const metadata = { title: "New automation · Replyflow" };

export default async function NewAutomationPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await workspacePage((await params).slug);
  const base = `/w/${ctx.tenant.slug}`;
  // Viewers cannot create; the API would refuse the save anyway.
  if (!can(ctx, "automations.write")) redirect(`${base}/automations`);
  const b = await loadBuilderContext(ctx);
  if (b.accounts.length === 0) redirect(`${base}/accounts`);
  return (
    <>
      <PageHeader title="New automation" description="Build it, test it against a sample comment, then switch it on." />
      <AutomationBuilder slug={ctx.tenant.slug} workspaceId={ctx.tenant.id} timezone={b.timezone} accounts={b.accounts} templates={b.templates} canEdit initial={newDraft(b.accounts[0]!.id)} />
    </>
  );
}

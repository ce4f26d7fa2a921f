import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { ActionForm, Field } from "../../../_components/action-form";
import { TimezoneSelect } from "../../../_components/timezone-select";
import { renameWorkspaceAction, updateSettingsAction } from "./actions";

export const metadata = { title: "Settings · Replyflow" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await workspacePage((await params).slug);
  const [tenant, plan] = await Promise.all([
    ctx.read.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { timezone: true, retentionDays: true } }),
    ctx.read.plan.findUnique({ where: { id: ctx.tenant.planId }, select: { name: true, retentionDays: true } }),
  ]);
  const edit = can(ctx, "workspace.update");
  const maxDays = plan?.retentionDays ?? 30;
  return (
    <>
      <PageHeader id="settings" title="Settings" description="How this workspace is named, which clock its automations follow, and how long activity is kept." />
      <div className="grid max-w-3xl gap-4">
        <Card aria-labelledby="name-title">
          <CardHeader id="name-title" title="Workspace name" />
          <CardBody>
            {edit ? (
              <ActionForm action={renameWorkspaceAction} hidden={{ workspace: ctx.tenant.slug }} submitLabel="Rename" successMessage="Renamed.">
                <Field name="name" label="Workspace name" defaultValue={ctx.tenant.name} required hint="The address of the workspace stays the same." />
              </ActionForm>
            ) : (
              <p className="text-sm text-zinc-700">
                Workspace name: <strong>{ctx.tenant.name}</strong>. Only owners and admins change settings.
              </p>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="tz-title">
          <CardHeader id="tz-title" title="Time zone and data retention" description="Active hours in automations follow this time zone. Changes reach the workers within a minute." />
          <CardBody>
            {edit ? (
              <ActionForm action={updateSettingsAction} hidden={{ workspace: ctx.tenant.slug }} submitLabel="Save settings" successMessage="Settings saved.">
                <TimezoneSelect name="timezone" defaultValue={tenant.timezone} />
                <Field
                  name="retentionDays"
                  label="Keep activity for (days)"
                  type="number"
                  min={1}
                  max={maxDays}
                  defaultValue={String(tenant.retentionDays)}
                  hint={`Runs, messages and webhook payloads older than this are deleted. The ${plan?.name ?? "current"} plan keeps up to ${maxDays} days.`}
                />
              </ActionForm>
            ) : (
              <dl className="grid gap-2 text-sm">
                <div><dt className="inline font-medium">Time zone: </dt><dd className="inline">{tenant.timezone}</dd></div>
                <div><dt className="inline font-medium">Activity kept for: </dt><dd className="inline">{tenant.retentionDays} days</dd></div>
              </dl>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}

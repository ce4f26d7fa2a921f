import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listInvitations } from "@/lib/members/list-invitations";
import { listMembers } from "@/lib/members/list-members";
import { can } from "@/lib/tenancy/authorize";
import { canAssignRole, canManageMember, ROLES } from "@/lib/tenancy/permissions";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { ActionForm, Field } from "../../../_components/action-form";
import { RoleSelect } from "../../../_components/role-select";
import { changeRoleAction, inviteMemberAction, leaveWorkspaceAction, removeMemberAction, revokeInvitationAction } from "./actions";

export const metadata = { title: "Members · Replyflow" };

const ROLE_HELP = [
  ["Owner", "Everything, including billing and deleting the workspace."],
  ["Admin", "Members below admin, API keys, Instagram accounts, settings."],
  ["Editor", "Automations, templates and contacts."],
  ["Viewer", "Sees everything, changes nothing."],
] as const;

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await workspacePage((await params).slug);
  const workspace = ctx.tenant.slug;
  const [members, invitations] = await Promise.all([
    listMembers(ctx, { limit: 100 }),
    can(ctx, "invitations.read") ? listInvitations(ctx, { limit: 100 }) : null,
  ]);
  const assignable = ROLES.filter((r) => canAssignRole(ctx.role, r));
  const mayManage = can(ctx, "members.manage");
  const owners = members.data.filter((m) => m.role === "owner").length;
  return (
    <>
      <PageHeader id="members" title="Members" description="Who can see and change this workspace. Roles take effect on the member's next click." />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="members-list">
          <CardHeader id="members-list" title={`${members.data.length} ${members.data.length === 1 ? "member" : "members"}`} />
          <Table>
            <thead>
              <tr>
                <Th>Member</Th>
                <Th>Role</Th>
                <Th>Joined</Th>
                <Th><span className="sr-only">Actions</span></Th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((m) => {
                const self = m.userId === ctx.user.id;
                const manageable = mayManage && !self && canManageMember(ctx.role, m.role);
                return (
                  <tr key={m.id}>
                    <Td>
                      {m.name && <span className="block font-medium">{m.name}</span>}
                      <span className={m.name ? "text-xs text-zinc-500" : "font-medium"}>{m.email}</span>
                      {self && <span className="ml-1 text-xs text-zinc-500">(you)</span>}
                    </Td>
                    <Td>
                      {manageable ? (
                        <ActionForm action={changeRoleAction} hidden={{ workspace, memberId: m.id }} submitLabel="Save" variant="secondary" inline>
                          <RoleSelect id={`role-${m.id}`} label={`Role of ${m.email}`} roles={assignable.includes(m.role) ? assignable : [m.role, ...assignable]} defaultValue={m.role} hideLabel />
                        </ActionForm>
                      ) : (
                        <Badge tone={m.role === "owner" ? "brand" : "neutral"} className="capitalize">{m.role}</Badge>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap text-zinc-600">{new Date(m.joinedAt).toLocaleDateString("en", { dateStyle: "medium" })}</Td>
                    <Td className="text-right">
                      {manageable && <ActionForm action={removeMemberAction} hidden={{ workspace, memberId: m.id }} submitLabel="Remove" variant="danger" inline />}
                      {self && !(m.role === "owner" && owners === 1) && <ActionForm action={leaveWorkspaceAction} hidden={{ workspace }} submitLabel="Leave" variant="secondary" inline />}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Card>
        <Card aria-labelledby="roles-help">
          <CardHeader id="roles-help" title="Roles" />
          <CardBody>
            <dl className="grid gap-3 text-sm">
              {ROLE_HELP.map(([role, text]) => (
                <div key={role}>
                  <dt className="font-medium text-zinc-900">{role}</dt>
                  <dd className="text-zinc-600">{text}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      </div>
      {invitations && (
        <Card className="mt-4" aria-labelledby="invitations">
          <CardHeader id="invitations" title="Invitations" description="Invitation links work for 7 days, only for the address they were sent to." />
          {invitations.data.length === 0 ? (
            <CardBody>
              <p className="text-sm text-zinc-600">No open invitations.</p>
            </CardBody>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Email</Th>
                  <Th>Role</Th>
                  <Th>Status</Th>
                  <Th><span className="sr-only">Actions</span></Th>
                </tr>
              </thead>
              <tbody>
                {invitations.data.map((i) => (
                  <tr key={i.id}>
                    <Td>{i.email}</Td>
                    <Td className="capitalize">{i.role}</Td>
                    <Td className="text-zinc-600">{i.status === "pending" ? `pending until ${new Date(i.expiresAt).toLocaleDateString("en")}` : i.status}</Td>
                    <Td className="text-right">{can(ctx, "invitations.manage") && <ActionForm action={revokeInvitationAction} hidden={{ workspace, invitationId: i.id }} submitLabel="Revoke" variant="secondary" inline />}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {can(ctx, "invitations.manage") && (
            <CardBody className="border-t border-zinc-100">
              <h3 className="mb-3 text-sm font-semibold">Invite someone</h3>
              <ActionForm action={inviteMemberAction} hidden={{ workspace }} submitLabel="Send invitation" pendingLabel="Sending…" successMessage="Invitation sent.">
                <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
                  <Field name="email" label="Email" type="email" autoComplete="off" required />
                  <RoleSelect id="invite-role" label="Role" roles={assignable} />
                </div>
              </ActionForm>
            </CardBody>
          )}
        </Card>
      )}
    </>
  );
}

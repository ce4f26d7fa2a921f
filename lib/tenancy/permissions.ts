/**
 * Who may do what in a workspace: the written permission matrix, enforced in one place
 * (`assertCan` in lib/tenancy/authorize.ts, called by every wrapper) and rendered into
 * docs/PERMISSIONS.md by `renderPermissionsMarkdown` (a unit test keeps the two identical).
 *
 * API keys have no role: they carry scopes, which are permission names from this matrix.
 * Permissions marked `humanOnly` can never be granted to a key — a leaked key must not be
 * able to mint more keys, invite people or change who owns the workspace.
 */
export const ROLES = ["owner", "admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Higher outranks lower; used for "may this actor manage that member" rules. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { owner: 3, admin: 2, editor: 1, viewer: 0 };

type Entry = { roles: readonly Role[]; description: string; humanOnly?: true };

const ALL: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ["owner", "admin"];
const EDITORS: readonly Role[] = ["owner", "admin", "editor"];

export const PERMISSION_MATRIX = {
  "workspace.read": { roles: ALL, description: "See the workspace, its plan and settings" },
  "workspace.update": { roles: MANAGERS, description: "Rename the workspace and change its settings" },
  "workspace.delete": { roles: ["owner"], description: "Delete the workspace", humanOnly: true },
  "members.read": { roles: ALL, description: "List members and their roles" },
  "members.manage": {
    roles: MANAGERS,
    description: "Change members' roles and remove members (admins only below their own rank)",
    humanOnly: true,
  },
  "invitations.read": { roles: MANAGERS, description: "List pending invitations" },
  "invitations.manage": { roles: MANAGERS, description: "Invite people by email and revoke invitations", humanOnly: true },
  "apiKeys.read": { roles: MANAGERS, description: "List API keys (never the keys themselves)" },
  "apiKeys.manage": { roles: MANAGERS, description: "Create and revoke API keys", humanOnly: true },
  "accounts.read": { roles: ALL, description: "See connected Instagram accounts and their health" },
  "accounts.manage": { roles: MANAGERS, description: "Connect, pause and disconnect Instagram accounts", humanOnly: true },
  "automations.read": { roles: ALL, description: "See automations" },
  "automations.write": { roles: EDITORS, description: "Create, edit, activate and pause automations" },
  "templates.read": { roles: ALL, description: "See message templates" },
  "templates.write": { roles: EDITORS, description: "Create and edit message templates" },
  "contacts.read": { roles: ALL, description: "See contacts" },
  "contacts.write": { roles: EDITORS, description: "Tag contacts and opt them out" },
  "activity.read": { roles: ALL, description: "See the activity log: runs, sends and why anything was skipped" },
  "billing.read": { roles: MANAGERS, description: "See the plan, usage and invoices" },
  "billing.manage": { roles: ["owner"], description: "Change the plan and payment details", humanOnly: true },
  "audit.read": { roles: MANAGERS, description: "Read the audit log" },
} as const satisfies Record<string, Entry>;

export type Permission = keyof typeof PERMISSION_MATRIX;
export const PERMISSIONS = Object.keys(PERMISSION_MATRIX) as Permission[];

/** Scopes an API key may be given. */
export const API_KEY_SCOPES: readonly Permission[] = PERMISSIONS.filter(
  (p) => !("humanOnly" in PERMISSION_MATRIX[p]),
);

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSION_MATRIX[permission].roles as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => roleCan(role, p));
}

/**
 * Whether `actor` may change or remove a member who holds `target`: owners manage everyone,
 * everybody else only those strictly below them (an admin cannot demote another admin).
 */
export function canManageMember(actor: Role, target: Role): boolean {
  return actor === "owner" || ROLE_RANK[actor] > ROLE_RANK[target];
}

/** Whether `actor` may hand out `role` (by invitation or role change): never above their own rank. */
export function canAssignRole(actor: Role, role: Role): boolean {
  return actor === "owner" || ROLE_RANK[role] < ROLE_RANK[actor];
}

/** docs/PERMISSIONS.md, generated from the matrix above. */
export function renderPermissionsMarkdown(): string {
  const header = `| permission | ${ROLES.join(" | ")} | API key scope | what it allows |`;
  const rule = `| --- | ${ROLES.map(() => ":---:").join(" | ")} | :---: | --- |`;
  const rows = PERMISSIONS.map((p) => {
    const entry: Entry = PERMISSION_MATRIX[p];
    const cells = ROLES.map((r) => (roleCan(r, p) ? "✓" : "—"));
    return `| \`${p}\` | ${cells.join(" | ")} | ${entry.humanOnly ? "—" : "✓"} | ${entry.description} |`;
  });
  return [
    "# Permissions",
    "",
    "<!-- Generated from lib/tenancy/permissions.ts by renderPermissionsMarkdown(); tests/unit/tenancy/permissions.test.ts fails when they differ. -->",
    "",
    "Every workspace member has one role. What each role may do, enforced in one place",
    "(`assertCan`, called by `withTenantApi`, `tenantAction` and the pages):",
    "",
    header,
    rule,
    ...rows,
    "",
    "Rules on top of the matrix:",
    "",
    "- Owners manage every member; anyone else with `members.manage` only members strictly below their own role",
    "  (an admin cannot change or remove another admin or an owner).",
    "- Roles are handed out only below one's own, except by owners, who may make anyone an owner or admin:",
    "  admins invite and promote up to editor.",
    "- A workspace always keeps at least one owner: the last owner can be neither demoted nor removed.",
    "- Any member may leave a workspace (remove themselves), except its last owner.",
    "- API keys have no role. Their scopes are permission names from the table; the «API key scope» column says",
    "  which may be granted. A key can never manage members, invitations, keys, accounts or billing.",
    "- Anyone who is not a member gets 404 for everything in the workspace, never 403: existence is not disclosed.",
    "",
  ].join("\n");
}

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  API_KEY_SCOPES,
  canAssignRole,
  canManageMember,
  PERMISSION_MATRIX,
  PERMISSIONS,
  permissionsOf,
  renderPermissionsMarkdown,
  roleCan,
  ROLES,
} from "@/lib/tenancy/permissions";

describe("permission matrix", () => {
  it("is what docs/PERMISSIONS.md says, word for word", () => {
    expect(readFileSync("docs/PERMISSIONS.md", "utf8")).toBe(renderPermissionsMarkdown());
  });

  it("gives each role everything the role below it has (no role is a sidegrade)", () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = permissionsOf(ROLES[i]!);
      const higher = permissionsOf(ROLES[i - 1]!);
      expect(lower.filter((p) => !higher.includes(p)), `${ROLES[i - 1]} lacks some of ${ROLES[i]}'s permissions`).toEqual([]);
    }
    expect(permissionsOf("owner")).toEqual(PERMISSIONS);
  });

  it("keeps people management, keys and billing away from viewers and editors", () => {
    for (const role of ["viewer", "editor"] as const) {
      for (const p of ["members.manage", "invitations.manage", "apiKeys.manage", "apiKeys.read", "workspace.update", "billing.manage"] as const) {
        expect(roleCan(role, p), `${role} ${p}`).toBe(false);
      }
    }
    expect(roleCan("editor", "automations.write")).toBe(true);
    expect(roleCan("viewer", "automations.write")).toBe(false);
    expect(roleCan("viewer", "members.read")).toBe(true);
    expect(roleCan("admin", "billing.manage")).toBe(false);
    expect(roleCan("admin", "workspace.delete")).toBe(false);
  });

  it("never lets an API key hold a permission that manages people, keys, accounts or billing", () => {
    expect(API_KEY_SCOPES).not.toContain("members.manage");
    expect(API_KEY_SCOPES).not.toContain("invitations.manage");
    expect(API_KEY_SCOPES).not.toContain("apiKeys.manage");
    expect(API_KEY_SCOPES).not.toContain("billing.manage");
    expect(API_KEY_SCOPES).toContain("members.read");
    expect(API_KEY_SCOPES.length + PERMISSIONS.filter((p) => "humanOnly" in PERMISSION_MATRIX[p]).length).toBe(PERMISSIONS.length);
  });

  it("lets owners manage anyone and everyone else only those strictly below them", () => {
    const manage = Object.fromEntries(ROLES.map((a) => [a, ROLES.filter((t) => canManageMember(a, t))]));
    expect(manage).toEqual({
      owner: ["owner", "admin", "editor", "viewer"],
      admin: ["editor", "viewer"],
      editor: ["viewer"],
      viewer: [],
    });
  });

  it("never lets anyone hand out a role above their own", () => {
    const assign = Object.fromEntries(ROLES.map((a) => [a, ROLES.filter((r) => canAssignRole(a, r))]));
    expect(assign).toEqual({ owner: ["owner", "admin", "editor", "viewer"], admin: ["editor", "viewer"], editor: ["viewer"], viewer: [] });
  });
});

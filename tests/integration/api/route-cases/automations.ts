import { primary } from "@/lib/db";
import { commentDefinition, createAccount, createAutomationRow, createContact } from "../../activity/fixtures";
import { uniq } from "../helpers/world";
import type { RouteCase } from "./types";

/** One Instagram account per workspace, made on first use. */
const accounts = new Map<string, Promise<string>>();
export function accountOf(tenantId: string): Promise<string> {
  let id = accounts.get(tenantId);
  if (!id) accounts.set(tenantId, (id = createAccount(tenantId).then((a) => a.id)));
  return id;
}
const automation = async (tenantId: string) => (await createAutomationRow(tenantId, await accountOf(tenantId), { status: "draft" })).id;
const template = async (tenantId: string) => (await primary().template.create({ data: { tenantId, name: uniq("Template "), content: { text: "Hi {{first_name|there}}" } } })).id;
const contact = async (tenantId: string) => (await createContact(tenantId, await accountOf(tenantId))).id;

/** Automations, the "test this comment" endpoint, templates and contacts (issue 5). */
export const CASES: Record<string, RouteCase> = {
  "GET /api/v1/automations": { scope: "tenant", permission: "automations.read", ok: 200, build: async (t) => ({ query: { accountId: await accountOf(t.tenant.id) } }) },
  "POST /api/v1/automations": {
    scope: "tenant",
    permission: "automations.write",
    ok: 201,
    build: async (t) => ({ body: { accountId: await accountOf(t.tenant.id), name: uniq("Price "), definition: commentDefinition() } }),
  },
  "POST /api/v1/automations/test": {
    scope: "tenant",
    permission: "automations.read",
    ok: 200,
    build: async (t) => ({ body: { accountId: await accountOf(t.tenant.id), kind: "comment", text: "price?" } }),
  },
  "GET /api/v1/automations/[automationId]": {
    scope: "tenant",
    permission: "automations.read",
    ok: 200,
    build: async (t) => ({ params: { automationId: await automation(t.tenant.id) } }),
  },
  "PATCH /api/v1/automations/[automationId]": {
    scope: "tenant",
    permission: "automations.write",
    ok: 200,
    build: async (t) => ({ params: { automationId: await automation(t.tenant.id) }, body: { name: uniq("Renamed "), expectedVersion: 1 } }),
  },
  "DELETE /api/v1/automations/[automationId]": {
    scope: "tenant",
    permission: "automations.write",
    ok: 204,
    build: async (t) => ({ params: { automationId: await automation(t.tenant.id) } }),
  },
  "POST /api/v1/automations/[automationId]/activate": {
    scope: "tenant",
    permission: "automations.write",
    ok: 200,
    build: async (t) => ({ params: { automationId: await automation(t.tenant.id) } }),
  },
  "POST /api/v1/automations/[automationId]/pause": {
    scope: "tenant",
    permission: "automations.write",
    ok: 200,
    build: async (t) => ({ params: { automationId: await automation(t.tenant.id) } }),
  },
  "GET /api/v1/templates": { scope: "tenant", permission: "templates.read", ok: 200, build: async () => ({}) },
  "POST /api/v1/templates": {
    scope: "tenant",
    permission: "templates.write",
    ok: 201,
    build: async () => ({ body: { name: uniq("Template "), content: { text: "{Hi|Hello} {{username}}" } } }),
  },
  "GET /api/v1/templates/[templateId]": {
    scope: "tenant",
    permission: "templates.read",
    ok: 200,
    build: async (t) => ({ params: { templateId: await template(t.tenant.id) } }),
  },
  "PATCH /api/v1/templates/[templateId]": {
    scope: "tenant",
    permission: "templates.write",
    ok: 200,
    build: async (t) => ({ params: { templateId: await template(t.tenant.id) }, body: { content: { text: "Updated" } } }),
  },
  "DELETE /api/v1/templates/[templateId]": {
    scope: "tenant",
    permission: "templates.write",
    ok: 204,
    build: async (t) => ({ params: { templateId: await template(t.tenant.id) } }),
  },
  "GET /api/v1/contacts": { scope: "tenant", permission: "contacts.read", ok: 200, build: async (t) => ({ query: { accountId: await accountOf(t.tenant.id) } }) },
  "GET /api/v1/contacts/[contactId]": {
    scope: "tenant",
    permission: "contacts.read",
    ok: 200,
    build: async (t) => ({ params: { contactId: await contact(t.tenant.id) } }),
  },
  "PATCH /api/v1/contacts/[contactId]": {
    scope: "tenant",
    permission: "contacts.write",
    ok: 200,
    build: async (t) => ({ params: { contactId: await contact(t.tenant.id) }, body: { addTags: ["vip"] } }),
  },
};

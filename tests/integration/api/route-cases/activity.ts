import { createAutomationRow, createContact, createInteraction } from "../../activity/fixtures";
import { accountOf } from "./automations";
import type { RouteCase } from "./types";

/** A person with one matched run and one sent private reply in workspace `tenantId`. */
async function history(tenantId: string) {
  const accountId = await accountOf(tenantId);
  const automation = await createAutomationRow(tenantId, accountId);
  const person = await createContact(tenantId, accountId);
  await createInteraction(tenantId, { accountId, automationId: automation.id, contactId: person.id, messages: [{ status: "sent" }] });
  return { accountId, automationId: automation.id, username: person.username! };
}

/** The activity log, stats and usage (issues 5 and 6). */
export const CASES: Record<string, RouteCase> = {
  "GET /api/v1/runs": { scope: "tenant", permission: "activity.read", ok: 200, build: async (t) => ({ query: { accountId: (await history(t.tenant.id)).accountId } }) },
  "GET /api/v1/runs/lookup": { scope: "tenant", permission: "activity.read", ok: 200, build: async (t) => ({ query: { username: (await history(t.tenant.id)).username } }) },
  "GET /api/v1/messages": {
    scope: "tenant",
    permission: "activity.read",
    ok: 200,
    build: async (t) => ({ query: { automationId: (await history(t.tenant.id)).automationId } }),
  },
  "GET /api/v1/stats": { scope: "tenant", permission: "activity.read", ok: 200, build: async (t) => ({ query: { accountId: await accountOf(t.tenant.id) } }) },
  "GET /api/v1/usage": { scope: "tenant", permission: "billing.read", ok: 200, build: async () => ({}) },
};

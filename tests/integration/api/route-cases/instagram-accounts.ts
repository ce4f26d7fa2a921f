import { primary } from "@/lib/db";
import { uniq } from "../helpers/world";
import { noInput, type RouteCase } from "./types";

/** An Instagram account row without a token, so disconnecting it makes no Graph call. */
async function accountRow(tenantId: string): Promise<string> {
  const row = await primary().instagramAccount.create({ data: { tenantId, igUserId: uniq("1784"), username: uniq("shop"), subscribedFields: [] } });
  return row.id;
}

/** Connected Instagram accounts (issue 4 §2). */
export const CASES: Record<string, RouteCase> = {
  "GET /api/v1/accounts": { scope: "tenant", permission: "accounts.read", ok: 200, build: noInput },
  "POST /api/v1/accounts/connect": { scope: "tenant", permission: "accounts.manage", ok: 200, build: noInput },
  "GET /api/v1/accounts/[accountId]": {
    scope: "tenant",
    permission: "accounts.read",
    ok: 200,
    build: async (t) => ({ params: { accountId: await accountRow(t.tenant.id) } }),
  },
  "DELETE /api/v1/accounts/[accountId]": {
    scope: "tenant",
    permission: "accounts.manage",
    ok: 200,
    build: async (t) => ({ params: { accountId: await accountRow(t.tenant.id) } }),
  },
};

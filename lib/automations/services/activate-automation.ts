import type { TenantContext } from "@/lib/tenancy/context";
import type { TStatusChangeQuery } from "./schemas";
import { updateAutomation } from "./update-automation";

/** Starts answering events; the engine's cache for the account is refreshed before this returns. */
export async function activateAutomation(ctx: TenantContext, automationId: string, q: TStatusChangeQuery) {
  return updateAutomation(ctx, automationId, { status: "active", ...(q.expectedVersion !== undefined ? { expectedVersion: q.expectedVersion } : {}) });
}

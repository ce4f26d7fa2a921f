import type { TenantContext } from "@/lib/tenancy/context";
import type { TStatusChangeQuery } from "./schemas";
import { updateAutomation } from "./update-automation";

/** Stops answering new events; sends already queued still go out (they were decided before the pause). */
export async function pauseAutomation(ctx: TenantContext, automationId: string, q: TStatusChangeQuery) {
  return updateAutomation(ctx, automationId, { status: "paused", ...(q.expectedVersion !== undefined ? { expectedVersion: q.expectedVersion } : {}) });
}

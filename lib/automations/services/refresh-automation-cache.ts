import { invalidateAutomations } from "@/lib/pipeline/automations/invalidate-automations";
import type { TenantContext } from "@/lib/tenancy/context";

/**
 * After an automation write has committed: the events workers' cache of the account's active
 * automations must drop it. The write itself stands either way — failing the request now would
 * make the client retry a change that already happened — so a Redis failure is logged loudly
 * and the cache's TTL bounds how long workers may act on the old version.
 */
export async function refreshAutomationCache(ctx: TenantContext, accountId: string): Promise<void> {
  try {
    await invalidateAutomations(accountId);
  } catch (err) {
    ctx.log.error({ err, accountId }, "automation cache not invalidated; workers use the old version until the cache TTL expires");
  }
}

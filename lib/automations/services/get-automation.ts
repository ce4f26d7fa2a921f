import { notFound } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/tenancy/context";
import { loadAutomationCounters } from "./load-automation-counters";
import { definitionWarnings, parseStoredDefinition, presentAutomation } from "./present-automation";

/** One automation with its 7-day counters and current warnings. Primary: the builder reopens what it just saved. */
export async function getAutomation(ctx: TenantContext, automationId: string) {
  const row = await ctx.db.automation.findFirst({ where: { id: automationId, deletedAt: null } });
  if (!row) throw notFound("No such automation in this workspace.");
  const counters = await loadAutomationCounters(ctx, [row.id]);
  return { automation: presentAutomation(row, counters.get(row.id)), warnings: definitionWarnings(parseStoredDefinition(row)) };
}

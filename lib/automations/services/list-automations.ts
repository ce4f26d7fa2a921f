import { notFound } from "@/lib/api/errors";
import { afterCursor, orderBy, toPage, type Page } from "@/lib/api/pagination";
import type { TenantContext } from "@/lib/tenancy/context";
import { loadAutomationCounters } from "./load-automation-counters";
import { presentAutomation, type PresentedAutomation } from "./present-automation";
import type { TListAutomationsQuery } from "./schemas";

/** Newest first, deleted ones left out, each with its last-7-days counters. */
export async function listAutomations(ctx: TenantContext, q: TListAutomationsQuery): Promise<Page<PresentedAutomation>> {
  if (q.accountId) {
    const account = await ctx.read.instagramAccount.findUnique({ where: { id: q.accountId }, select: { id: true } });
    if (!account) throw notFound("No such Instagram account in this workspace.");
  }
  const rows = await ctx.read.automation.findMany({
    where: {
      deletedAt: null,
      ...(q.accountId ? { accountId: q.accountId } : {}),
      ...(q.status ? { status: { in: q.status } } : {}),
      ...afterCursor(q.cursor, "desc"),
    },
    orderBy: [...orderBy("desc")],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const counters = await loadAutomationCounters(ctx, page.map((r) => r.id));
  return toPage(rows, q.limit, (r) => presentAutomation(r, counters.get(r.id)));
}

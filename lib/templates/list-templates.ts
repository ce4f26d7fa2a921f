import { afterCursor, orderBy, toPage, type Page } from "@/lib/api/pagination";
import type { TenantContext } from "@/lib/tenancy/context";
import { presentTemplate, type PresentedTemplate } from "./present-template";
import type { TListTemplatesQuery } from "./schemas";

/** Newest first; `q` narrows to names starting with it (the builder's template picker). */
export async function listTemplates(ctx: TenantContext, q: TListTemplatesQuery): Promise<Page<PresentedTemplate>> {
  const rows = await ctx.read.template.findMany({
    where: { ...(q.q ? { name: { startsWith: q.q } } : {}), ...afterCursor(q.cursor, "desc") },
    orderBy: [...orderBy("desc")],
    take: q.limit + 1,
  });
  return toPage(rows, q.limit, presentTemplate);
}

import type { Page } from "@/lib/api/pagination";
import { automationRunPage } from "@/lib/db/raw/activity-pages";
import type { TenantContext } from "@/lib/tenancy/context";
import { assertFilterTargets } from "./assert-filter-targets";
import { pageQuery, toActivityPage } from "./keyset";
import { presentRun, type PresentedRun } from "./present-run";
import { resolveSubject } from "./resolve-subject";
import type { TListRunsQuery } from "./schemas";

/** The activity log's runs — matched or skipped, and why — newest first, like listMessages. */
export async function listRuns(ctx: TenantContext, q: TListRunsQuery): Promise<Page<PresentedRun>> {
  const [, subject] = await Promise.all([assertFilterTargets(ctx.read, q), resolveSubject(ctx.read, q)]);
  if (!subject) return { data: [], nextCursor: null };
  const rows = await automationRunPage(ctx.tenant.id, pageQuery(q, subject, { outcome: q.outcome }));
  return toActivityPage(rows, q.limit, (r) => presentRun({ ...r, automation: r.automationName === null ? null : { name: r.automationName }, contact: { username: r.contactUsername } }));
}

import type { Page } from "@/lib/api/pagination";
import { outboundMessagePage } from "@/lib/db/raw/activity-pages";
import type { TenantContext } from "@/lib/tenancy/context";
import { assertFilterTargets } from "./assert-filter-targets";
import { pageQuery, toActivityPage } from "./keyset";
import { presentMessage, type PresentedMessage } from "./present-message";
import { resolveSubject } from "./resolve-subject";
import type { TListMessagesQuery } from "./schemas";

/**
 * Every intended send, newest first, with its status and the reason when it did not go out.
 * One indexed range read per page however deep the cursor (lib/db/raw/activity-pages.ts says
 * why that needs raw SQL), from the replica: a second of lag is fine in a log.
 */
export async function listMessages(ctx: TenantContext, q: TListMessagesQuery): Promise<Page<PresentedMessage>> {
  const [, subject] = await Promise.all([assertFilterTargets(ctx.read, q), resolveSubject(ctx.read, q)]);
  if (!subject) return { data: [], nextCursor: null };
  const rows = await outboundMessagePage(ctx.tenant.id, pageQuery(q, subject, { status: q.status, kind: q.kind }));
  return toActivityPage(rows, q.limit, (r) => presentMessage({ ...r, automation: r.automationName === null ? null : { name: r.automationName }, contact: { username: r.contactUsername } }));
}

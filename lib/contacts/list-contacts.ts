import { assertFilterTargets } from "@/lib/activity/assert-filter-targets";
import { encodeCursor, type Page } from "@/lib/api/pagination";
import type { TenantContext } from "@/lib/tenancy/context";
import { presentContact, WINDOW_MS, type PresentedContact } from "./present-contact";
import type { TListContactsQuery } from "./schemas";

/**
 * Most recently active first — what a dashboard user looks for — so the keyset runs on
 * (lastSeenAt, id) DESC, along the (tenantId, lastSeenAt) index; the opaque cursor carries
 * lastSeenAt where other lists carry createdAt. A username prefix uses (tenantId, username).
 */
export async function listContacts(ctx: TenantContext, q: TListContactsQuery, now = new Date()): Promise<Page<PresentedContact>> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const c = q.cursor;
  await assertFilterTargets(ctx.read, q);
  const rows = await ctx.read.contact.findMany({
    where: {
      ...(q.accountId ? { accountId: q.accountId } : {}),
      ...(q.q ? { username: { startsWith: q.q } } : {}),
      ...(q.tag ? { tags: { array_contains: [q.tag] } } : {}),
      ...(q.optedOut !== undefined ? { optedOut: q.optedOut } : {}),
      AND: [
        q.window === "open"
          ? { lastInboundAt: { gt: windowStart }, awaitingReply: false }
          : q.window === "closed"
            ? { OR: [{ lastInboundAt: null }, { lastInboundAt: { lte: windowStart } }, { awaitingReply: true }] }
            : {},
        c ? { OR: [{ lastSeenAt: { lt: c.createdAt } }, { lastSeenAt: c.createdAt, id: { lt: c.id } }] } : {},
      ],
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => presentContact(r, now)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.lastSeenAt, id: last.id }) : null,
  };
}

import type { TenantDb } from "@/lib/db";

/**
 * Turns "this person" or "this comment" into indexed keys. Usernames go through the
 * (tenantId, username) index of Contact to contact ids; a comment id goes through the unique
 * (tenantId, accountId, dedupeKey) index of WebhookEvent (ingest keys comments `c:<id>`) to
 * event ids — runs and messages carry both as indexed columns, whereas their own commentId
 * columns are not indexed and would mean a scan of the tenant's whole history.
 * `null` means "names nobody": the caller answers with an empty result without querying.
 */
export type ActivitySubject = { contactIds?: string[]; webhookEventIds?: bigint[] };

export async function resolveSubject(
  read: TenantDb,
  q: { accountId?: string; username?: string; igsid?: string; commentId?: string },
): Promise<ActivitySubject | null> {
  const subject: ActivitySubject = {};
  if (q.username !== undefined || q.igsid !== undefined) {
    const contacts = await read.contact.findMany({
      where: { ...(q.accountId ? { accountId: q.accountId } : {}), ...(q.username !== undefined ? { username: q.username } : { igsid: q.igsid }) },
      select: { id: true },
      take: 100,
    });
    if (contacts.length === 0) return null;
    subject.contactIds = contacts.map((c) => c.id);
  }
  if (q.commentId !== undefined) {
    const accountIds = q.accountId ? [q.accountId] : (await read.instagramAccount.findMany({ select: { id: true } })).map((a) => a.id);
    if (accountIds.length === 0) return null;
    const events = await read.webhookEvent.findMany({
      where: { accountId: { in: accountIds }, dedupeKey: `c:${q.commentId}` },
      select: { id: true },
    });
    if (events.length === 0) return null;
    subject.webhookEventIds = events.map((e) => e.id);
  }
  return subject;
}

import { randomBytes } from "node:crypto";
import type { TInboundEvent, TInboundEventKind } from "@/lib/events/inbound-event";
import { TENANT, tenantSql } from "../sql/tenant-sql";

/** Events from the person that open (or refresh) Instagram's 24-hour messaging window (reference §2.4). */
export const WINDOW_OPENING_KINDS: ReadonlySet<TInboundEventKind> = new Set(["dm", "quick_reply", "postback", "referral", "story_reply", "story_mention"]);

export type ContactRow = {
  id: string;
  username: string | null;
  name: string | null;
  firstSeenAt: Date;
  lastInboundAt: Date | null;
  awaitingReply: number;
  optedOut: number;
  tags: unknown;
};

export type UpsertedContact = { contact: ContactRow; isNew: boolean };

/**
 * The person behind an event, per account (IGSID): created on first sight, else first/last
 * seen widened, username refreshed, the 24-hour window moved by window-opening events, and
 * "awaiting an answer to a private reply" cleared when they write. One statement, safe under
 * concurrency and out-of-order delivery (LEAST/GREATEST). `isNew` holds for every retry of
 * the event that first saw the person, because their first-seen time is that event's time.
 */
export async function upsertContact(tenantId: string, accountId: string, event: TInboundEvent): Promise<UpsertedContact> {
  const sql = tenantSql(tenantId);
  const at = new Date(event.occurredAt);
  const opensWindow = WINDOW_OPENING_KINDS.has(event.kind);
  const inbound = opensWindow ? at : null;
  const now = new Date();
  const id = `c${randomBytes(12).toString("hex")}`;
  await sql.execute`INSERT INTO Contact (id, tenantId, accountId, igsid, username, firstSeenAt, lastSeenAt, lastInboundAt, awaitingReply, tags, optedOut, unreachable, createdAt, updatedAt)
    VALUES (${id}, ${TENANT}, ${accountId}, ${event.senderId}, ${event.senderUsername ?? null}, ${at}, ${at}, ${inbound}, 0, '[]', 0, 0, ${now}, ${now})
    ON DUPLICATE KEY UPDATE
      username = COALESCE(VALUES(username), username),
      firstSeenAt = LEAST(firstSeenAt, VALUES(firstSeenAt)),
      lastSeenAt = GREATEST(lastSeenAt, VALUES(lastSeenAt)),
      lastInboundAt = IF(VALUES(lastInboundAt) IS NULL, lastInboundAt, GREATEST(COALESCE(lastInboundAt, VALUES(lastInboundAt)), VALUES(lastInboundAt))),
      awaitingReply = IF(${opensWindow ? 1 : 0} = 1, 0, awaitingReply),
      unreachable = IF(${opensWindow ? 1 : 0} = 1, 0, unreachable),
      updatedAt = VALUES(updatedAt)`;
  const rows = await sql.query<ContactRow>`SELECT id, username, name, firstSeenAt, lastInboundAt, awaitingReply, optedOut, tags FROM Contact
    WHERE tenantId = ${TENANT} AND accountId = ${accountId} AND igsid = ${event.senderId}`;
  const contact = rows[0];
  if (!contact) throw new Error("contact row vanished right after its upsert");
  return { contact, isNew: contact.firstSeenAt.getTime() >= event.occurredAt };
}

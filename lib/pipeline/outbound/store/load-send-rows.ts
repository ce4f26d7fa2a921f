import { TENANT, tenantSql } from "../../sql/tenant-sql";
import type { TSendOutboundJob } from "../../jobs/send-outbound-job";
import { ZOutboundContent, type TOutboundKind } from "../content";
import type { SendStatus } from "./settle-send";

export type SendRow = TSendOutboundJob & {
  status: SendStatus;
  attempts: number;
  errorClass: string | null;
  claimedAt: Date | null;
  scheduledAt: number;
};

type Raw = {
  id: bigint | string;
  tenantId: string;
  accountId: string;
  automationId: string;
  actionIndex: number;
  webhookEventId: bigint | string;
  kind: TOutboundKind;
  contactId: string | null;
  recipientIgsid: string | null;
  commentId: string | null;
  content: unknown;
  status: SendStatus;
  attempts: number;
  errorClass: string | null;
  claimedAt: Date | null;
  scheduledAt: Date;
};

// MariaDB's JSON is LONGTEXT underneath: depending on server metadata the driver hands back text or an object.
const json = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as unknown) : v);

function toRow(r: Raw): SendRow {
  return {
    tenantId: r.tenantId,
    accountId: r.accountId,
    outboundId: String(r.id),
    automationId: r.automationId,
    actionIndex: r.actionIndex,
    webhookEventId: String(r.webhookEventId),
    kind: r.kind,
    ...(r.contactId ? { contactId: r.contactId } : {}),
    ...(r.recipientIgsid ? { recipientIgsid: r.recipientIgsid } : {}),
    ...(r.commentId ? { commentId: r.commentId } : {}),
    content: ZOutboundContent.parse(json(r.content)),
    status: r.status,
    attempts: r.attempts,
    errorClass: r.errorClass,
    claimedAt: r.claimedAt,
    scheduledAt: r.scheduledAt.getTime(),
  };
}

/** Rows as send jobs (plus their state), by id, for resends, sweeps and event replays. */
export async function loadSendRows(tenantId: string, where: { ids: string[] } | { webhookEventId: string; status: SendStatus }): Promise<SendRow[]> {
  const sql = tenantSql(tenantId);
  let rows: Raw[];
  if ("ids" in where) {
    if (where.ids.length === 0) return [];
    rows = await sql.query<Raw>`SELECT id, tenantId, accountId, automationId, actionIndex, webhookEventId, kind, contactId, recipientIgsid,
        commentId, content, status, attempts, errorClass, claimedAt, scheduledAt
      FROM OutboundMessage WHERE tenantId = ${TENANT} AND id IN (${where.ids})`;
  } else {
    rows = await sql.query<Raw>`SELECT id, tenantId, accountId, automationId, actionIndex, webhookEventId, kind, contactId, recipientIgsid,
        commentId, content, status, attempts, errorClass, claimedAt, scheduledAt
      FROM OutboundMessage WHERE tenantId = ${TENANT} AND webhookEventId = ${where.webhookEventId} AND status = ${where.status}`;
  }
  return rows.map(toRow);
}

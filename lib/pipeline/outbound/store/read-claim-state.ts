import { TENANT, tenantSql } from "../../sql/tenant-sql";

/** What decides why a claim did not take: the row, its contact and the month's usage. */
export type ClaimState = {
  status: "queued" | "sending" | "sent" | "failed" | "skipped" | "unknown";
  claimedAt: Date | null;
  attempts: number;
  errorClass: string | null;
  username: string | null;
  lastInboundAt: Date | null;
  awaitingReply: number | null;
  optedOut: number | null;
  dmsSent: number | null;
  privateReplies: number | null;
  publicReplies: number | null;
};

/** One read on the primary, only on the (rare) path where a claim changed nothing. */
export async function readClaimState(tenantId: string, outboundId: string, period: string): Promise<ClaimState | undefined> {
  const rows = await tenantSql(tenantId).query<ClaimState>`SELECT o.status, o.claimedAt, o.attempts, o.errorClass,
      c.username, c.lastInboundAt, c.awaitingReply, c.optedOut, u.dmsSent, u.privateReplies, u.publicReplies
    FROM OutboundMessage o
    LEFT JOIN Contact c ON c.tenantId = o.tenantId AND c.id = o.contactId
    LEFT JOIN UsageCounter u ON u.tenantId = o.tenantId AND u.period = ${period}
    WHERE o.tenantId = ${TENANT} AND o.id = ${outboundId}`;
  return rows[0];
}

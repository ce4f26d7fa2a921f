import { TENANT, tenantSql } from "../../sql/tenant-sql";

export type SendStatus = "queued" | "sending" | "sent" | "failed" | "skipped" | "unknown";

export type SettleInput = {
  tenantId: string;
  outboundId: string;
  /** Only rows in one of these states change (the guard that keeps every transition single). */
  from: readonly SendStatus[];
  to: Exclude<SendStatus, "sent">;
  at: number;
  reason?: string | null;
  error?: { code?: number; subcode?: number; class?: string };
  /** Give back the attempt the claim counted (the call never left: a rate-limit deferral). */
  uncount?: boolean;
};

/**
 * Every status change other than success: back to `queued` (retry, throttle, park), to
 * `unknown` (ambiguous outcome), to `failed`/`skipped` (terminal). Conditional on the current
 * state; resolves to whether this call made the change, which is what entitles the caller to
 * the follow-ups (refund, reconcile job, resend) exactly once.
 */
export async function settleSend(i: SettleInput): Promise<boolean> {
  const at = new Date(i.at);
  const release = i.to === "queued" ? 1 : 0;
  const changed = await tenantSql(i.tenantId).execute`UPDATE OutboundMessage
    SET status = ${i.to}, updatedAt = ${at},
        reason = COALESCE(${i.reason ?? null}, reason),
        errorCode = COALESCE(${i.error?.code ?? null}, errorCode),
        errorSubcode = COALESCE(${i.error?.subcode ?? null}, errorSubcode),
        errorClass = COALESCE(${i.error?.class ?? null}, errorClass),
        attempts = GREATEST(attempts - ${i.uncount ? 1 : 0}, 0),
        claimedBy = IF(${release} = 1, NULL, claimedBy)
    WHERE tenantId = ${TENANT} AND id = ${i.outboundId} AND FIND_IN_SET(status, ${i.from.join(",")}) > 0`;
  return changed > 0;
}

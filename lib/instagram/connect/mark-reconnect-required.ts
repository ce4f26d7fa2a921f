import { notifyReconnectJob } from "@/lib/pipeline/jobs/notify-reconnect-job";
import { redis } from "@/lib/redis";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { publishAccount } from "../account-directory";

export type TokenFailure = { code?: number; subcode?: number; reason: string };

/**
 * The token no longer works (expired, revoked, password changed): the account moves to
 * `reconnect_required` until a member reconnects it, which is what parks its sends, and the
 * owners are emailed (the pipeline's notify job). Only an active or paused account moves; a
 * disconnected one stays disconnected. Returns whether the status changed.
 */
export async function markReconnectRequired(ctx: TenantContext, accountId: string, failure: TokenFailure): Promise<boolean> {
  const now = new Date();
  const changed = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.instagramAccount.updateMany({
      where: { id: accountId, status: { in: ["active", "paused"] } },
      data: { status: "reconnect_required", lastErrorCode: failure.code ?? null, lastErrorSubcode: failure.subcode ?? null, lastErrorAt: now },
    });
    if (count === 0) return null;
    const row = await tx.instagramAccount.findUniqueOrThrow({ where: { id: accountId }, select: { igUserId: true, username: true } });
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: "instagram_account.reconnect_required",
        targetType: "instagram_account",
        targetId: accountId,
        metadata: { username: row.username, reason: failure.reason, code: failure.code ?? null, subcode: failure.subcode ?? null },
      },
    });
    return row;
  });
  if (!changed) return false;
  await publishAccount(redis(), { igUserId: changed.igUserId, tenantId: ctx.tenant.id, id: accountId, status: "reconnect_required" });
  ctx.log.warn({ accountId, code: failure.code, subcode: failure.subcode }, "instagram account needs reconnecting");
  // The owners' email; losing it must not undo the status change, which is what stops the sends.
  await notifyReconnectJob
    .enqueue({ tenantId: ctx.tenant.id, accountId, reason: failure.reason.slice(0, 500) })
    .catch((err: unknown) => ctx.log.warn({ accountId, err: String(err) }, "reconnect email not enqueued"));
  return true;
}

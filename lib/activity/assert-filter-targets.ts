import { notFound } from "@/lib/api/errors";
import type { TenantDb } from "@/lib/db";

/**
 * A filter naming an account or automation this workspace does not have is a 404, as it would
 * be in the path — not an empty list that looks like "nothing happened". Deleted automations
 * still count: their history stays in the log.
 */
export async function assertFilterTargets(read: TenantDb, q: { accountId?: string; automationId?: string }): Promise<void> {
  const [account, automation] = await Promise.all([
    q.accountId ? read.instagramAccount.findUnique({ where: { id: q.accountId }, select: { id: true } }) : true,
    q.automationId ? read.automation.findUnique({ where: { id: q.automationId }, select: { id: true } }) : true,
  ]);
  if (!account) throw notFound("No such Instagram account in this workspace.");
  if (!automation) throw notFound("No such automation in this workspace.");
}

import { primary } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { checkSubscriptionJob } from "./jobs";

/** Enqueues one subscription check per active account (a global scan of ids and tenants only). */
export async function sweepSubscriptionChecks(log: Logger): Promise<{ enqueued: number }> {
  let enqueued = 0;
  let after: string | undefined;
  for (;;) {
    const page = await primary().instagramAccount.findMany({
      where: { status: "active", accessTokenCiphertext: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, tenantId: true },
      orderBy: { id: "asc" },
      take: 500,
    });
    for (const a of page) await checkSubscriptionJob.enqueue({ tenantId: a.tenantId, accountId: a.id });
    enqueued += page.length;
    after = page.at(-1)?.id;
    if (!after) break;
  }
  if (enqueued) log.info({ enqueued }, "subscription checks enqueued");
  return { enqueued };
}

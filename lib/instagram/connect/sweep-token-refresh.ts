import type { Logger } from "@/lib/logger";
import { findTokensDue } from "./find-tokens-due";
import { refreshTokenJob } from "./jobs";

/** Enqueues one refresh job per token due (see tokenDueWhere); returns how many. */
export async function sweepTokenRefresh(log: Logger, now = new Date()): Promise<{ enqueued: number }> {
  let enqueued = 0;
  let after: string | undefined;
  for (;;) {
    const page = await findTokensDue(now, after);
    for (const a of page) await refreshTokenJob.enqueue({ tenantId: a.tenantId, accountId: a.id });
    enqueued += page.length;
    after = page.at(-1)?.id;
    if (!after) break;
  }
  if (enqueued) log.info({ enqueued }, "token refreshes enqueued");
  return { enqueued };
}

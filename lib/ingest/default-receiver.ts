import { env } from "@/lib/env";
import { eventJobId, processEventJob, type TProcessEventJob } from "@/lib/events/process-event-job";
import { AccountDirectory } from "@/lib/instagram/account-directory";
import { logger } from "@/lib/logger";
import { echoJobId, recordEchoJob, type TRecordEchoJob } from "@/lib/pipeline/jobs/record-echo-job";
import { accountPriority } from "@/lib/pipeline/fairness/account-priority";
import { queue } from "@/lib/queue/queues";
import { redis } from "@/lib/redis";
import { createWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

/** Priority per account for this delivery (in memory; see lib/pipeline/fairness/account-priority). */
function priorities(jobs: { accountId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const j of jobs) counts.set(j.accountId, (counts.get(j.accountId) ?? 0) + 1);
  return new Map([...counts].map(([accountId, n]) => [accountId, accountPriority(accountId, n)]));
}

/**
 * Enqueues a delivery's events in one round trip, each under its deterministic job id and with
 * its account's fair-share priority (lib/queue/fair-priority): a flooded account's 50,000
 * comments sink behind every other account's events, with plain BullMQ and any number of
 * workers. Every job carries a priority, because BullMQ serves unprioritised jobs first.
 */
export async function enqueueEvents(jobs: TProcessEventJob[]): Promise<void> {
  const prio = priorities(jobs);
  const [only] = jobs;
  if (jobs.length === 1 && only) {
    // Most deliveries carry one event; a plain add is one EVALSHA, while addBulk builds an
    // ioredis MULTI pipeline, which profiling showed to be the costliest step of ingest.
    const opts = { jobId: eventJobId(only.igUserId, only.event.dedupeKey), priority: prio.get(only.accountId) ?? 1 };
    await queue("events").add(processEventJob.name, only, opts);
    return;
  }
  await queue("events").addBulk(
    jobs.map((data) => ({
      name: processEventJob.name,
      data,
      opts: { jobId: eventJobId(data.igUserId, data.event.dedupeKey), priority: prio.get(data.accountId) ?? 1 },
    })),
  );
}

/** Our own sends coming back, as record-echo jobs on the events queue (same fair priority). */
export async function enqueueEchoes(jobs: TRecordEchoJob[]): Promise<void> {
  const prio = priorities(jobs);
  await queue("events").addBulk(
    jobs.map((data) => ({
      name: recordEchoJob.name,
      data,
      opts: { ...recordEchoJob.options, jobId: echoJobId(data), priority: prio.get(data.accountId) ?? 1 },
    })),
  );
}

const store = globalThis as unknown as { __replyflowReceiver?: WebhookReceiver };

/** The receiver wired to this process's configuration, Redis and queues. */
export function defaultReceiver(): WebhookReceiver {
  if (!store.__replyflowReceiver) {
    const e = env();
    const directory = new AccountDirectory(redis());
    store.__replyflowReceiver = createWebhookReceiver({
      secrets: [e.INSTAGRAM_APP_SECRET, e.META_APP_SECRET ?? ""].filter(Boolean),
      verifyToken: e.WEBHOOK_VERIFY_TOKEN,
      resolveAccount: (id) => directory.resolve(id),
      enqueue: enqueueEvents,
      enqueueEchoes,
      log: logger.child({ component: "ingest" }),
    });
  }
  return store.__replyflowReceiver;
}

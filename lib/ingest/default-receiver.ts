import { env } from "@/lib/env";
import { eventJobId, processEventJob, type TProcessEventJob } from "@/lib/events/process-event-job";
import { AccountDirectory } from "@/lib/instagram/account-directory";
import { logger } from "@/lib/logger";
import { queue } from "@/lib/queue/queues";
import { redis } from "@/lib/redis";
import { createWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

/** Enqueues a delivery's events in one round trip, each under its deterministic job id. */
export async function enqueueEvents(jobs: TProcessEventJob[]): Promise<void> {
  const [only] = jobs;
  if (jobs.length === 1 && only) {
    // Most deliveries carry one event; a plain add is one EVALSHA, while addBulk builds an
    // ioredis MULTI pipeline, which profiling showed to be the costliest step of ingest.
    await queue("events").add(processEventJob.name, only, { jobId: eventJobId(only.igUserId, only.event.dedupeKey) });
    return;
  }
  await queue("events").addBulk(
    jobs.map((data) => ({
      name: processEventJob.name,
      data,
      opts: { jobId: eventJobId(data.igUserId, data.event.dedupeKey) },
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
      log: logger.child({ component: "ingest" }),
    });
  }
  return store.__replyflowReceiver;
}

import { Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Logger } from "pino";
import type { Env } from "@/lib/env";
import { disconnectDb, primary } from "@/lib/db";
import { clients } from "@/lib/db/internal/clients";
import { checkReadiness } from "@/lib/health/readiness";
import { startHealthServer, type HealthServer } from "@/lib/observability/health-server";
import { metrics } from "@/lib/observability/metrics";
import { scheduleInstagramMaintenance } from "@/lib/instagram/connect/schedule-instagram-maintenance";
import { scheduleMaintenance } from "@/lib/pipeline/maintenance/schedule-maintenance";
import { closeHotRedis } from "@/lib/pipeline/hot-redis";
import { closeSqlPool } from "@/lib/pipeline/sql/pool";
import { releaseUsageLeases } from "@/lib/pipeline/usage/usage-leases";
import { bullPrefix, closeQueues, QUEUE_NAMES, queue } from "@/lib/queue/queues";
import { closeRedis, createRedis, redis } from "@/lib/redis";
import { buildProcessors, type QueueProcessors } from "./processors/registry";

export type WorkerRuntime = { health: HealthServer; workers: Worker[]; shutdown(signal: string): Promise<void> };

function dispatcher(queueName: string, processors: QueueProcessors, log: Logger) {
  // Resolved once: hashing histogram labels and building a pino child per job showed up in the
  // outbound profile at thousands of jobs per second. The child logger is made when first used.
  const completed = metrics().jobDuration.labels({ queue: queueName, outcome: "completed" });
  const failed = metrics().jobDuration.labels({ queue: queueName, outcome: "failed" });
  return async (job: Job, token?: string) => {
    const handler = processors.handlers[job.name];
    let jobLog: Logger | undefined;
    const ctx = {
      token,
      get log(): Logger {
        return (jobLog ??= log.child({ queue: queueName, jobId: job.id, job: job.name }));
      },
    };
    if (!handler) {
      ctx.log.error("no handler for this job name; completing it so it is not retried forever");
      return { skipped: "unknown_job" };
    }
    const started = performance.now();
    try {
      const result = await handler(job, ctx);
      completed.observe((performance.now() - started) / 1000);
      return result;
    } catch (err) {
      failed.observe((performance.now() - started) / 1000);
      throw err;
    }
  };
}

/** Boots the worker: Redis, MySQL, one BullMQ Worker per queue, the health server, signals. */
export async function startWorker(e: Env, log: Logger): Promise<WorkerRuntime> {
  const processors = buildProcessors({
    eventsConcurrency: e.WORKER_EVENTS_CONCURRENCY,
    outboundConcurrency: e.WORKER_OUTBOUND_CONCURRENCY,
  });
  await primary().$connect();

  const workerConn = createRedis("worker");
  const workers = QUEUE_NAMES.map((name) => {
    const p = processors[name];
    const w = new Worker(name, dispatcher(name, p, log), {
      connection: workerConn as unknown as ConnectionOptions,
      prefix: bullPrefix(),
      concurrency: p.concurrency,
      autorun: true,
      // How fast a killed worker's jobs are handed on (the MySQL claims keep them from double sends).
      lockDuration: e.WORKER_LOCK_MS,
      stalledInterval: e.WORKER_STALLED_INTERVAL_MS,
    });
    w.on("error", (err) => log.error({ err, queue: name }, "worker error"));
    w.on("failed", (job, err) => log.warn({ err, queue: name, jobId: job?.id }, "job failed"));
    return w;
  });

  await scheduleMaintenance();
  await scheduleInstagramMaintenance();

  let ready = true;
  const health = await startHealthServer({
    port: e.WORKER_HEALTH_PORT,
    log,
    metricsToken: e.METRICS_TOKEN,
    readiness: async () => {
      const r = await checkReadiness({ primary: primary(), replicas: clients().replicas, redis: redis() });
      return { ...r, ok: r.ok && ready };
    },
    beforeMetrics: async () => {
      await Promise.all(
        QUEUE_NAMES.map(async (name) => {
          const counts = await queue(name).getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
          for (const [state, n] of Object.entries(counts)) metrics().queueDepth.set({ queue: name, state }, n);
        }),
      );
    },
  });

  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) =>
    (closing ??= (async () => {
      log.info({ signal }, "worker shutting down: no new jobs, draining active ones");
      ready = false;
      health.setShuttingDown();
      const drained = Promise.all(workers.map((w) => w.close())).then(() => true);
      const inTime = await Promise.race([
        drained,
        new Promise<boolean>((r) => setTimeout(() => r(false), e.WORKER_SHUTDOWN_GRACE_MS).unref()),
      ]);
      // Unfinished jobs keep their lock until it expires; the stalled checker then hands them
      // to another worker, and the claim rows in MySQL keep that from sending twice.
      if (!inTime) log.warn({ graceMs: e.WORKER_SHUTDOWN_GRACE_MS }, "grace period over; unfinished jobs will be recovered as stalled");
      // Unused plan-quota units leased by this worker go back before the pool closes.
      await releaseUsageLeases(true).catch(() => undefined);
      await Promise.allSettled([closeQueues(), workerConn.quit(), closeRedis(), closeHotRedis(), disconnectDb(), closeSqlPool(), health.close()]);
      log.info("worker stopped");
    })());

  return { health, workers, shutdown };
}

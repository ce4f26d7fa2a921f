import { exitOnInvalidEnv } from "@/lib/env";
import { createLogger } from "@/lib/logger";
import { startWorker } from "./runtime";

process.env.SERVICE_NAME ??= "worker";
const e = exitOnInvalidEnv("worker");
const log = createLogger({ name: "worker", level: e.LOG_LEVEL });

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

try {
  const runtime = await startWorker(e, log);
  log.info({ port: runtime.health.port, queues: runtime.workers.map((w) => w.name) }, "worker ready");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void runtime.shutdown(signal).then(() => process.exit(0));
    });
  }
} catch (err) {
  log.fatal({ err }, "worker failed to start");
  process.exit(1);
}

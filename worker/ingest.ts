import { disconnectDb, primary } from "@/lib/db";
import { exitOnInvalidEnv } from "@/lib/env";
import { checkReadiness } from "@/lib/health/readiness";
import { defaultReceiver } from "@/lib/ingest/default-receiver";
import { readBody } from "@/lib/ingest/read-body";
import { MAX_WEBHOOK_BYTES } from "@/lib/ingest/webhook-receiver";
import { createLogger } from "@/lib/logger";
import { startHealthServer } from "@/lib/observability/health-server";
import { metrics } from "@/lib/observability/metrics";
import { closeQueues } from "@/lib/queue/queues";
import { closeRedis, redis } from "@/lib/redis";

/**
 * The standalone webhook receiver (SPEC §2 "ingest"): a plain node:http server, no Next.js,
 * serving POST/GET /webhooks/instagram plus /healthz /readyz /metrics on INGEST_PORT.
 */
process.env.SERVICE_NAME ??= "ingest";
const e = exitOnInvalidEnv("ingest");
const log = createLogger({ name: "ingest", level: e.LOG_LEVEL });
const receiver = defaultReceiver();
const WEBHOOK_PATHS = new Set(["/webhooks/instagram", "/api/webhooks/instagram"]);
// Histogram children cached per (method, status): resolving labels on every request costs more than the observation.
const histograms = new Map<string, { observe(v: number): void }>();
function observe(method: string, status: number, seconds: number): void {
  const k = `${method} ${status}`;
  let h = histograms.get(k);
  if (!h) histograms.set(k, (h = metrics().httpDuration.labels({ route: "/webhooks/instagram", method, status: String(status) })));
  h.observe(seconds);
}

const health = await startHealthServer({
  port: e.INGEST_PORT,
  log,
  metricsToken: e.METRICS_TOKEN,
  readiness: () => checkReadiness({ primary: primary(), redis: redis() }),
  routes: async (req, res) => {
    const [pathname = "/", search = ""] = (req.url ?? "/").split("?", 2);
    if (!WEBHOOK_PATHS.has(pathname)) return false;
    const started = performance.now();
    const { body, tooLarge } = req.method === "POST" ? await readBody(req, MAX_WEBHOOK_BYTES) : { body: undefined, tooLarge: false };
    const signature = req.headers["x-hub-signature-256"];
    const r = await receiver.handle({
      method: req.method ?? "GET",
      query: new URLSearchParams(search),
      signature: Array.isArray(signature) ? signature[0] : signature,
      body,
      tooLarge,
    });
    res.writeHead(r.status, { "content-type": r.contentType, ...(tooLarge ? { connection: "close" } : {}) });
    res.end(r.body);
    observe(req.method ?? "GET", r.status, (performance.now() - started) / 1000);
    return true;
  },
});
log.info({ port: health.port }, "ingest ready");

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    health.setShuttingDown();
    // Stop accepting, finish in-flight deliveries (each answered only after enqueueing), exit.
    void health
      .close()
      .then(() => Promise.allSettled([closeQueues(), closeRedis(), disconnectDb()]))
      .then(() => process.exit(0));
  });
}

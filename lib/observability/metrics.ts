import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * One Prometheus registry per process. Names are shared by web, ingest and worker so
 * dashboards can sum across deployments; `service` tells them apart.
 */
const store = globalThis as unknown as { __replyflowMetrics?: ReturnType<typeof build> };

function build() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: process.env.SERVICE_NAME ?? "replyflow" });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "replyflow_http_request_duration_seconds",
      help: "HTTP request latency",
      labelNames: ["route", "method", "status"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "replyflow_queue_jobs",
      help: "Jobs per queue and state",
      labelNames: ["queue", "state"],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "replyflow_job_duration_seconds",
      help: "Job processing time",
      labelNames: ["queue", "outcome"],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: "replyflow_webhook_events_total",
      help: "Webhook items by outcome (enqueued, duplicate, dropped reason, unknown field)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    sends: new Counter({
      name: "replyflow_sends_total",
      help: "Outbound Graph calls by kind and outcome",
      labelNames: ["kind", "outcome"],
      registers: [registry],
    }),
    rateLimitWaits: new Counter({
      name: "replyflow_rate_limit_waits_total",
      help: "Sends deferred by a per-account limit",
      labelNames: ["class"],
      registers: [registry],
    }),
    cache: new Counter({
      name: "replyflow_cache_requests_total",
      help: "Cache lookups by cache and result (hit or miss)",
      labelNames: ["cache", "result"],
      registers: [registry],
    }),
  };
}

export function metrics() {
  store.__replyflowMetrics ??= build();
  return store.__replyflowMetrics;
}

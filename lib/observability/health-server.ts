import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Readiness } from "@/lib/health/readiness";
import { metrics } from "./metrics";

/**
 * The small HTTP server every non-Next process (worker, ingest) runs for its orchestrator:
 * `/healthz` (alive), `/readyz` (dependencies up and not shutting down) and `/metrics`
 * (Prometheus, bearer token when METRICS_TOKEN is set). Extra routes may be mounted by the
 * ingest process, which serves webhooks on the same port.
 */
export type HealthServerOptions = {
  port: number;
  host?: string;
  log: Logger;
  readiness: () => Promise<Readiness>;
  metricsToken?: string;
  beforeMetrics?: () => Promise<void>;
  /** Handles any other path; return false to fall through to 404. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
};

export type HealthServer = { server: Server; port: number; setShuttingDown(): void; close(): Promise<void> };

function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(String(req.headers.authorization ?? "").replace(/^Bearer /, ""));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  let shuttingDown = false;
  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/healthz") return json(res, 200, { status: "ok" });
      if (path === "/readyz") {
        if (shuttingDown) return json(res, 503, { status: "shutting_down" });
        const r = await opts.readiness();
        return json(res, r.ok ? 200 : 503, { status: r.ok ? "ok" : "unavailable", checks: r.checks });
      }
      if (path === "/metrics") {
        if (!authorized(req, opts.metricsToken)) return json(res, 401, { code: "unauthorized" });
        await opts.beforeMetrics?.();
        const registry = metrics().registry;
        res.writeHead(200, { "content-type": registry.contentType });
        return res.end(await registry.metrics());
      }
      if (opts.routes && (await opts.routes(req, res))) return;
      json(res, 404, { code: "not_found" });
    } catch (err) {
      opts.log.error({ err }, "health server request failed");
      if (!res.headersSent) json(res, 500, { code: "internal_error" });
      else res.end();
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    server,
    port,
    setShuttingDown: () => {
      shuttingDown = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

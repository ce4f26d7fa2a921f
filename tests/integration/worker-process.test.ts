import { beforeAll, describe, expect, it } from "vitest";
import { freePort, spawnTsx, waitForUrl } from "../helpers/processes";
import { useTestDatabase } from "../helpers/isolation";

describe("worker process", () => {
  beforeAll(() => useTestDatabase());

  it("boots, reports ready with queue metrics, and exits cleanly on SIGTERM", async () => {
    const port = await freePort();
    const proc = spawnTsx("worker/index.ts", { WORKER_HEALTH_PORT: String(port), LOG_LEVEL: "info" });
    try {
      const ready = await waitForUrl(`http://127.0.0.1:${port}/readyz`, { proc, timeoutMs: 30_000 });
      expect(await ready.json()).toMatchObject({ status: "ok", checks: { mysql: { ok: true }, redis: { ok: true } } });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/replyflow_queue_jobs\{queue="outbound",state="waiting",service="worker"\} 0/);
      proc.child.kill("SIGTERM");
      const code = await Promise.race([proc.exited, new Promise((r) => setTimeout(() => r("timeout"), 15_000))]);
      expect(code).toBe(0);
      expect(proc.output()).toContain("worker stopped");
    } finally {
      if (proc.child.exitCode === null) proc.child.kill("SIGKILL");
    }
  });

  it("refuses to start on a bad DATABASE_URL with one clear line", async () => {
    const proc = spawnTsx("worker/index.ts", { DATABASE_URL: "nonsense" });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim()).toBe(
      "[worker] Invalid environment: DATABASE_URL must be a mysql://user:password@host:port/database URL",
    );
  });

  it("metrics require the token when METRICS_TOKEN is set", async () => {
    const port = await freePort();
    const proc = spawnTsx("worker/index.ts", { WORKER_HEALTH_PORT: String(port), METRICS_TOKEN: "metrics-token-0123456789" });
    try {
      await waitForUrl(`http://127.0.0.1:${port}/healthz`, { proc });
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const ok = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: "Bearer metrics-token-0123456789" } });
      expect(ok.status).toBe(200);
    } finally {
      proc.child.kill("SIGKILL");
    }
  });
});

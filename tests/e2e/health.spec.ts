import { expect, test } from "@playwright/test";
import { freePort, spawnProcess, waitForUrl, type Spawned } from "../helpers/processes";
import { E2E_ENV } from "./e2e-env";

// A second production server wired to a Redis of its own, so that Redis can really be stopped.
test.describe("web readiness against real dependencies", () => {
  let redis: Spawned;
  let web: Spawned;
  let webPort: number;

  test.beforeAll(async () => {
    const redisPort = await freePort();
    redis = spawnProcess("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
    webPort = await freePort();
    web = spawnProcess(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(webPort), "-H", "127.0.0.1"], {
      ...E2E_ENV,
      PORT: String(webPort),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    });
    await waitForUrl(`http://127.0.0.1:${webPort}/api/health/live`, { proc: web, timeoutMs: 60_000 });
  });

  test.afterAll(() => {
    web?.child.kill("SIGKILL");
    redis?.child.kill("SIGKILL");
  });

  test("ready answers 200, then 503 naming redis once Redis is stopped", async () => {
    const ok = await fetch(`http://127.0.0.1:${webPort}/api/health/ready`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok", checks: { mysql: { ok: true }, redis: { ok: true } } });

    redis.child.kill("SIGTERM");
    await redis.exited;
    const down = await waitForUrl(`http://127.0.0.1:${webPort}/api/health/ready`, { accept: (s) => s === 503, timeoutMs: 15_000 });
    const body = await down.json();
    expect(body).toMatchObject({ status: "unavailable", failed: ["redis"], checks: { mysql: { ok: true }, redis: { ok: false } } });
    // Liveness does not depend on Redis: the process is fine, only not ready.
    expect((await fetch(`http://127.0.0.1:${webPort}/api/health/live`)).status).toBe(200);
  });
});

test("the web server refuses to start on a bad DATABASE_URL with one clear line", async () => {
  const port = await freePort();
  const web = spawnProcess(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    ...E2E_ENV,
    PORT: String(port),
    DATABASE_URL: "nonsense",
  });
  const code = await Promise.race([web.exited, new Promise((r) => setTimeout(() => r("still running"), 30_000))]);
  if (code === "still running") web.child.kill("SIGKILL");
  expect(code).toBe(1);
  expect(web.output()).toContain("[web] Invalid environment: DATABASE_URL must be a mysql://user:password@host:port/database URL");
});

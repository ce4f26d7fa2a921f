import { spawn, type ChildProcess } from "node:child_process";
import mariadb from "mariadb";
import { migrate } from "@/lib/db/migrate";

/**
 * The e2e run's system under test: a fresh database (dropped and migrated) holding the plans
 * and a workspace with E2E_PERF_ROWS messages for the page-load timings, the Graph API
 * simulator (its webhooks pointed at the web app's /api/webhooks/instagram), the worker
 * (worker/index.ts) that turns those webhooks into replies, and `next start` on the
 * production build. Playwright starts and stops it; stopping it stops all of them.
 */
const url = new URL(process.env.DATABASE_URL!);
const name = url.pathname.slice(1);
if (!name.startsWith("rf_e2e")) throw new Error(`e2e refuses to reset ${name}`);
const conn = await mariadb.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
await conn.end();
await migrate(url.toString());
// Rate-limit counters and queues from an earlier run must not leak into this one.
const { flushPrefix } = await import("../bench/lib/bench-env");
await flushPrefix(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
const { seedPlans } = await import("@/prisma/seed-data");
const plans = await seedPlans();
await seedPerfTenant(plans.business);

const children: ChildProcess[] = [];
function start(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  child.on("exit", (code, signal) => {
    if (!stopping) process.stderr.write(`[e2e] ${label} exited (${signal ?? code})\n`);
  });
  children.push(child);
  return child;
}
let stopping = false;
function stopAll(sig: NodeJS.Signals): void {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill(sig);
}

// The Graph API simulator (scripts/sim.ts) that GRAPH_* points at, registered with this app's id,
// secret and callback, so "Connect Instagram account" runs Instagram Login end to end; its
// webhooks (signed with the same app secret) go to the web app, echoes included.
const simPort = process.env.E2E_SIM_PORT ?? "3310";
const sim = start("the Graph API simulator", ["--import", "tsx", "scripts/sim.ts"], {
  ...process.env,
  SIM_PORT: simPort,
  SIM_APP_ID: process.env.INSTAGRAM_APP_ID,
  SIM_INSTAGRAM_APP_SECRET: process.env.INSTAGRAM_APP_SECRET,
  SIM_REDIRECT_URIS: new URL("/api/instagram/callback", process.env.APP_URL).toString(),
  SIM_WEBHOOK_URL: new URL("/api/webhooks/instagram", process.env.APP_URL).toString(),
  SIM_WEBHOOK_RETRY: "compressed",
  SIM_WEBHOOK_LINGER_MS: "2",
  SIM_VERIFY_ON_START: "false",
});
await waitFor(`http://127.0.0.1:${simPort}/__admin/state`, sim, "the Graph API simulator");
start("the worker", ["--import", "tsx", "worker/index.ts"], { ...process.env, SERVICE_NAME: "worker", WORKER_HEALTH_PORT: process.env.E2E_WORKER_HEALTH_PORT ?? "3320" });

const next = start("next start", ["node_modules/next/dist/bin/next", "start", "-p", process.env.PORT ?? "3300", "-H", "127.0.0.1"], process.env);
for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => stopAll(sig));
next.on("exit", (code) => {
  stopAll("SIGTERM");
  process.exit(code ?? 0);
});

/** The page-load workspace: a signed-in owner over E2E_PERF_ROWS messages, runs and events, with 90 days rolled up. */
async function seedPerfTenant(planId: string): Promise<void> {
  const { E2E_PERF } = await import("../tests/e2e/e2e-env");
  const { seedActivityTenant } = await import("../bench/lib/seed-activity");
  const { primary } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const { rollupDailyStats } = await import("@/lib/activity/rollup-daily-stats");
  const started = Date.now();
  const { tenantId } = await seedActivityTenant({ slug: E2E_PERF.slug, name: "Perf Coffee Co.", planId, rows: E2E_PERF.rows, historyDays: 90, settled: true });
  const user = await primary().user.create({ data: { email: E2E_PERF.email, name: "Pat Perf", passwordHash: await hashPassword(E2E_PERF.password), lastTenantId: tenantId } });
  await primary().membership.create({ data: { tenantId, userId: user.id, role: "owner" } });
  // Finished days are read from DailyStat; the maintenance rollup would write these in production.
  const today = new Date(new Date().toISOString().slice(0, 10));
  for (let d = 1; d <= 90; d++) await rollupDailyStats(tenantId, new Date(today.getTime() - d * 86_400_000));
  process.stderr.write(`[e2e] seeded ${E2E_PERF.rows} messages for the page-load timings in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function waitFor(target: string, proc: ChildProcess, label: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${label} exited with ${proc.exitCode}`);
    const ok = await fetch(target).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${label} did not answer at ${target}`);
}

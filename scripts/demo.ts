import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * `npm run demo`: the whole product, alive, on this machine. Writes a .env when there is none
 * (fresh secrets, a demo database), generates the Prisma client, migrates, seeds, builds; then
 * starts the Graph API simulator (Instagram), ingest, the worker and the web app, connects the
 * simulator's account to the demo workspace through the real connect flow, seeds three
 * automations and a few hundred contacts, and keeps realistic comment and DM traffic flowing
 * (the simulator's steady-traffic scenario) so the dashboard moves. Ctrl-C stops everything it
 * started.
 */
const WEB_PORT = Number(process.env.PORT ?? 3000);
const DEMO_SLUG = "demo";
/** Comments and DMs per second; the scenario restarts itself when its hour is up. */
const TRAFFIC_PER_SEC = Number(process.env.DEMO_TRAFFIC_PER_SEC ?? 1.5);

function ensureDotEnv(): void {
  if (existsSync(".env")) return;
  const example = readFileSync(".env.example", "utf8");
  const filled = example
    .replace(/^NODE_ENV=.*$/m, "NODE_ENV=production")
    .replace(/^DATABASE_URL=.*$/m, "DATABASE_URL=mysql://root@127.0.0.1:3306/replyflow_demo")
    .replace(/^AUTH_SECRET=.*$/m, `AUTH_SECRET=${randomBytes(32).toString("base64url")}`)
    .replace(/^TOKEN_ENCRYPTION_KEYS=.*$/m, `TOKEN_ENCRYPTION_KEYS=k1:${randomBytes(32).toString("base64")}`)
    .replace(/^APP_URL=.*$/m, `APP_URL=http://localhost:${WEB_PORT}`);
  writeFileSync(".env", filled, { mode: 0o600 });
  say("wrote .env with fresh secrets (edit it to point at your own services)");
}

function say(line: string): void {
  process.stdout.write(`demo: ${line}\n`);
}

function run(label: string, cmd: string, args: string[]): void {
  say(label);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`demo: "${label}" failed (exit ${r.status})\n`);
    process.exit(r.status ?? 1);
  }
}

/** The demo always talks to the simulator: on GRAPH_API_BASE_URL's port when that is local, else on 4100. */
function simulatorUrl(): URL {
  const configured = URL.canParse(process.env.GRAPH_API_BASE_URL ?? "") ? new URL(process.env.GRAPH_API_BASE_URL!) : null;
  const local = configured && ["127.0.0.1", "localhost"].includes(configured.hostname) && configured.port;
  return new URL(local ? configured.origin : "http://127.0.0.1:4100");
}

ensureDotEnv();
process.loadEnvFile(".env");
const sim = simulatorUrl();
Object.assign(process.env, {
  NEXT_TELEMETRY_DISABLED: "1",
  // The demo runs the production build; `next build` breaks under NODE_ENV=development.
  NODE_ENV: "production",
  GRAPH_API_BASE_URL: sim.origin,
  GRAPH_OAUTH_BASE_URL: sim.origin,
  GRAPH_AUTHORIZE_BASE_URL: sim.origin,
});
const INGEST_PORT = Number(process.env.INGEST_PORT ?? 3100);
const tsx = ["--import", "tsx"] as const;

run("generating the Prisma client", process.execPath, [...tsx, "scripts/prisma-generate.ts"]);
run("migrating the database", process.execPath, [...tsx, "scripts/migrate.ts"]);
run("seeding plans and the demo workspace", process.execPath, [...tsx, "prisma/seed.ts", "--demo"]);
run("building the web app", process.execPath, ["node_modules/next/dist/bin/next", "build"]);

const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;
function start(name: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const proc = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  proc.on("exit", (code, signal) => {
    if (!stopping) {
      process.stderr.write(`demo: ${name} exited (${signal ?? code}); stopping everything\n`);
      void stop(1);
    }
  });
  children.push({ name, proc });
  return proc;
}

async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(trafficTimer);
  process.stdout.write("\ndemo: stopping every process it started…\n");
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill("SIGTERM");
  const deadline = setTimeout(() => children.forEach((c) => c.proc.exitCode === null && c.proc.kill("SIGKILL")), 30_000);
  await Promise.all(children.map((c) => (c.proc.exitCode !== null || c.proc.signalCode !== null ? null : new Promise((r) => c.proc.once("exit", r)))));
  clearTimeout(deadline);
  const { disconnectDb } = await import("@/lib/db");
  const { closeRedis } = await import("@/lib/redis");
  const { closeQueues } = await import("@/lib/queue/queues");
  await Promise.allSettled([disconnectDb(), closeRedis(), closeQueues()]);
  say("stopped.");
  process.exit(code);
}
let trafficTimer: NodeJS.Timeout | undefined;
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function waitFor(url: string, label: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${label} did not become ready at ${url}`);
}

// Ingest first, so the simulator's webhook handshake finds it.
start("ingest", [...tsx, "worker/ingest.ts"], { SERVICE_NAME: "ingest" });
await waitFor(`http://127.0.0.1:${INGEST_PORT}/readyz`, "ingest");
start("simulator", [...tsx, "scripts/sim.ts"], {
  SIM_HOST: sim.hostname === "localhost" ? "127.0.0.1" : sim.hostname,
  SIM_PORT: sim.port,
  SIM_APP_ID: process.env.INSTAGRAM_APP_ID ?? "",
  SIM_INSTAGRAM_APP_SECRET: process.env.INSTAGRAM_APP_SECRET ?? "",
  SIM_REDIRECT_URIS: new URL("/api/instagram/callback", process.env.APP_URL).toString(),
  SIM_WEBHOOK_URL: `http://127.0.0.1:${INGEST_PORT}/webhooks/instagram`,
  SIM_VERIFY_TOKEN: process.env.WEBHOOK_VERIFY_TOKEN ?? "",
  SIM_TEST_ACCOUNT_USERNAME: "aurora.coffee",
  SIM_WEBHOOK_RETRY: "compressed",
  LOG_LEVEL: "warn",
});
await waitFor(`${sim.origin}/__admin/state`, "the Graph API simulator");
start("worker", [...tsx, "worker/index.ts"], { SERVICE_NAME: "worker" });
start("web", ["node_modules/next/dist/bin/next", "start", "-p", String(WEB_PORT)], { SERVICE_NAME: "web" });

// The workspace's Instagram account, automations and contacts, through the product's own services.
const { connectDemoAccount, demoOwnerContext, seedDemoAutomations, seedDemoContacts } = await import("./demo-seed");
const ctx = await demoOwnerContext(DEMO_SLUG);
const account = await connectDemoAccount(ctx);
const automations = await seedDemoAutomations(ctx, account.id);
const contacts = await seedDemoContacts(ctx, account.id);
say(`connected @${account.username}; ${automations} automations and ${contacts} contacts added`);

/** Keeps the steady-traffic scenario running: an hour at a time (its cap), restarted when it ends. */
async function keepTraffic(): Promise<void> {
  const state = (await fetch(`${sim.origin}/__admin/scenarios`).then((r) => r.json())) as { runs: { name: string; status: string }[] };
  if (state.runs.some((r) => r.name === "steady-traffic" && r.status === "running")) return;
  const res = await fetch(`${sim.origin}/__admin/scenarios/run`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "steady-traffic", params: { ratePerSec: TRAFFIC_PER_SEC, durationMs: 3_600_000, keyword: "price", keywordRatio: 0.35, dmShare: 0.3, postbackShare: 0.05, usersPerAccount: 400 } }),
  });
  if (!res.ok) process.stderr.write(`demo: could not start the traffic scenario: ${res.status} ${await res.text()}\n`);
}
await keepTraffic();
trafficTimer = setInterval(() => void keepTraffic().catch(() => undefined), 30_000);

await waitFor(`http://127.0.0.1:${WEB_PORT}/api/health/ready`, "the web app");
const { DEMO_LOGIN } = await import("@/prisma/seed-data");
process.stdout.write(
  `\n  Replyflow is running: http://localhost:${WEB_PORT}\n` +
    `  Sign in:             http://localhost:${WEB_PORT}/sign-in  as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n` +
    `  Demo workspace:      http://localhost:${WEB_PORT}/w/${DEMO_SLUG}  (@${account.username}, simulated Instagram, live traffic ~${TRAFFIC_PER_SEC}/s)\n` +
    `  Health:              http://localhost:${WEB_PORT}/api/health\n` +
    `  Ingest / worker:     http://127.0.0.1:${INGEST_PORT}/readyz · http://127.0.0.1:${process.env.WORKER_HEALTH_PORT ?? 3200}/readyz\n` +
    `  Instagram simulator: ${sim.origin}/__admin/state\n` +
    "  Ctrl-C stops everything.\n\n",
);

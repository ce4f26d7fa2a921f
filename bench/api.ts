import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { freePort, spawnProcess, waitForUrl } from "../tests/helpers/processes";
import { benchEnv, fmt, resetBenchState } from "./lib/bench-env";

/**
 * npm run bench:api — SPEC §8 / issue 6: `GET /api/v1/messages` p95 under 100 ms on a tenant
 * with BENCH_ROWS messages (and as many runs and webhook events). Seeds its own database,
 * runs a production `next start` (building first when .next is missing or older than the
 * sources), and calls the endpoint with an API key — first pages, filtered pages, deep
 * cursors — sequentially and concurrently. Baselines measured in the same run: the same query
 * straight through Prisma in this process, and `/api/health/live` (Next.js with no work).
 * `BENCH_FRESH=1` reseeds even when a database of the right size is already there.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SEQ = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ACCOUNTS = 5;
const AUTOMATIONS = 20;
const HISTORY_MS = 90 * 86_400_000;

const env: Record<string, string> = {
  ...benchEnv("api"),
  API_RATE_LIMIT_PER_MINUTE: "1000000",
  API_TENANT_RATE_LIMIT_PER_MINUTE: "1000000",
  DATABASE_POOL_SIZE: "20",
};
Object.assign(process.env, env);

const { migrate } = await import("@/lib/db/migrate");
const { primary, getDb, disconnectDb } = await import("@/lib/db");
const { seedPlans } = await import("@/prisma/seed-data");
const { generateApiKey } = await import("@/lib/api-keys/key-format");
const { encodeCursor } = await import("@/lib/api/pagination");
const { MESSAGE_SELECT } = await import("@/lib/activity/present-message");
const { NEWEST_FIRST } = await import("@/lib/activity/keyset");
const { closeRedis } = await import("@/lib/redis");
const { contactCount, seedActivityTenant } = await import("./lib/seed-activity");
const CONTACTS = contactCount(ROWS, AUTOMATIONS);

// ───────────── seed ─────────────

async function existingTenant(): Promise<string | null> {
  if (process.env.BENCH_FRESH === "1") return null;
  try {
    const t = await primary().tenant.findUnique({ where: { slug: "bench-api" }, select: { id: true } });
    if (!t) return null;
    const n = await getDb(t.id).db.outboundMessage.count();
    return n === ROWS ? t.id : null;
  } catch {
    return null;
  }
}

async function seed(): Promise<string> {
  await disconnectDb();
  await resetBenchState(env);
  await migrate(env.DATABASE_URL!);
  const plans = await seedPlans();
  const { tenantId } = await seedActivityTenant({ slug: "bench-api", name: "Bench", planId: plans.business, rows: ROWS, accounts: ACCOUNTS, automations: AUTOMATIONS, historyDays: HISTORY_MS / 86_400_000, log: console.log });
  return tenantId;
}

// ───────────── build and serve ─────────────

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuild(): void {
  const id = ".next/BUILD_ID";
  const sources = Math.max(newestSource("app"), newestSource("lib"), ...["next.config.ts", "package.json", "proxy.ts"].filter(existsSync).map((f) => statSync(f).mtimeMs));
  if (existsSync(id) && statSync(id).mtimeMs > sources) return;
  console.log("  .next is missing or older than the sources: npx next build …");
  const r = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error("next build failed");
}

// ───────────── measure ─────────────

type Sample = number[];
const pct = (xs: Sample, p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

async function timed(fn: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

console.log(`bench:api — ${fmt(ROWS)} messages, runs and events; ${SEQ} sequential requests per scenario; concurrency ${CONCURRENCY}`);
await migrate(env.DATABASE_URL!).catch(() => undefined);
let tenantId = await existingTenant();
if (tenantId) console.log("  reusing the seeded database (BENCH_FRESH=1 reseeds)");
else tenantId = await seed();
const { db, read } = getDb(tenantId);
await db.apiKey.deleteMany({});
const { key, prefix, hashedKey } = generateApiKey();
await db.apiKey.create({ data: { tenantId, name: "bench", prefix, hashedKey, scopes: ["activity.read"] } });

const someAccount = (await read.instagramAccount.findFirstOrThrow({ orderBy: { igUserId: "asc" } })).id;
const someAutomation = (await read.automation.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
// Deep cursors: the keys of rows at 50–99 % depth of the newest-first order.
const deep: string[] = [];
for (let k = 0; k < 20; k++) {
  const offset = Math.floor(ROWS * (0.5 + (0.49 * k) / 19));
  const row = await read.outboundMessage.findFirst({ orderBy: NEWEST_FIRST, skip: offset, select: { createdAt: true, id: true } });
  if (row) deep.push(encodeCursor({ createdAt: row.createdAt, id: row.id.toString() }));
}
const mid = new Date(Date.now() - HISTORY_MS / 2);
const scenarios: Record<string, (i: number) => string> = {
  "first page": () => "limit=25",
  "status=failed": () => "status=failed",
  "accountId": () => `accountId=${someAccount}`,
  "automationId": () => `automationId=${someAutomation}`,
  "time range (1 week)": () => `from=${new Date(mid.getTime() - 7 * 86_400_000).toISOString()}&to=${mid.toISOString()}`,
  "deep cursor": (i) => `cursor=${deep[i % deep.length]}`,
  "username": (i) => `username=fan_${(i * 7919) % CONTACTS}`,
};

ensureBuild();
const port = await freePort();
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const server = spawnProcess(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], env);
const base = `http://127.0.0.1:${port}`;
try {
  await waitForUrl(`${base}/api/health/live`, { proc: server, timeoutMs: 60_000 });
  const headers = { authorization: `Bearer ${key}` };
  const get = async (q: string) => {
    const res = await fetch(`${base}/api/v1/messages?${q}`, { headers });
    const body = (await res.json()) as { data?: unknown[] };
    if (res.status !== 200 || !Array.isArray(body.data)) throw new Error(`GET /api/v1/messages?${q}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  };
  // Warm-up: JIT, connection pools, route compilation caches.
  for (let i = 0; i < 30; i++) for (const q of Object.values(scenarios)) await get(q(i));

  const rows: [string, Sample][] = [];
  const all: Sample = [];
  for (const [name, q] of Object.entries(scenarios)) {
    const s: Sample = [];
    for (let i = 0; i < SEQ; i++) s.push(await timed(() => get(q(i))));
    rows.push([`GET /api/v1/messages ${name}`, s]);
    all.push(...s);
  }
  const live: Sample = [];
  for (let i = 0; i < SEQ; i++) live.push(await timed(async () => void (await (await fetch(`${base}/api/health/live`)).text())));
  const prisma: Sample = [];
  for (let i = 0; i < SEQ; i++) prisma.push(await timed(async () => void (await read.outboundMessage.findMany({ orderBy: NEWEST_FIRST, take: 26, select: MESSAGE_SELECT }))));
  const conc: Sample = [];
  const names = Object.values(scenarios);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let i = w; i < SEQ * names.length; i += CONCURRENCY) conc.push(await timed(() => get(names[i % names.length]!(i))));
    }),
  );
  const concSeconds = (performance.now() - started) / 1000;

  const line = (name: string, s: Sample) =>
    `  ${name.padEnd(44)} ${String(s.length).padStart(5)} ${fmt(pct(s, 50), 1).padStart(8)} ${fmt(pct(s, 95), 1).padStart(8)} ${fmt(pct(s, 99), 1).padStart(8)}`;
  console.log(`\n  ${"".padEnd(44)} ${"n".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
  console.log("  baselines (same run)");
  console.log(line("Prisma findMany, first page, in-process", prisma));
  console.log(line("GET /api/health/live", live));
  console.log("  /api/v1/messages, sequential");
  for (const [name, s] of rows) console.log(line(name, s));
  console.log(line("all sequential", all));
  console.log(`  /api/v1/messages, ${CONCURRENCY} concurrent (${fmt(conc.length / concSeconds)} req/s)`);
  console.log(line("mixed scenarios", conc));
  console.log(`RESULT messages_p95_ms=${pct(all, 95).toFixed(1)} rows=${ROWS}`);
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
  await disconnectDb();
  await closeRedis();
}

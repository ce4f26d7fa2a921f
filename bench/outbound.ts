import { readFileSync } from "node:fs";
import { spawnProcess, freePort, waitForUrl, type Spawned } from "../tests/helpers/processes";
import { benchEnv, fmt, resetBenchState } from "./lib/bench-env";
import { keepAliveBaseline } from "./lib/keepalive-baseline";
import { seedQueuedDms, type SeedAccount } from "./lib/seed-outbound";
import { simAdmin } from "./lib/sim-admin";

/**
 * npm run bench:outbound — SPEC §8 "≥ 2,000 sends/s across 1,000 accounts with limits honoured
 * exactly". 1,000 simulated accounts (Meta's default limits: 100 sends/s each) in 100
 * workspaces, one person per DM with an open 24-hour window, N queued DMs enqueued through the
 * pipeline's own `enqueueSends` (slot reservation included) while the real worker process(es)
 * send them through the real claim / rate-limit / Graph path.
 * Ten "hot" accounts get 600 DMs each, six seconds' worth at Meta's 100/s, so the per-account
 * limits actually bind (slots reserved at enqueue, grants refused and deferred) while the
 * simulator checks every window.
 *
 * The simulator runs as its own process (scripts/sim.ts), like Meta would be; it counts every
 * rate-limit violation. Baseline, in the same run and against the same endpoint: a bare
 * keep-alive HTTP loop from one Node process (no queue, no database, no limiter) on separate
 * accounts with the limit lifted. Sends/s is measured from the first to the last send in the
 * simulator's own record. Everything lives in its own database and Redis prefix, removed at
 * the end. Knobs: BENCH_SENDS (60000), BENCH_ACCOUNTS (1000), BENCH_WORKERS (1),
 * BENCH_CONCURRENCY (400), BENCH_BASELINE_SENDS (20000), BENCH_HOT_ACCOUNTS (10), BENCH_HOT_SENDS (600),
 * BENCH_TIMEOUT_S (300), BENCH_CPU_PROF=1, BENCH_KEEP=1 (keep the database for inspection).
 */
const SENDS = Number(process.env.BENCH_SENDS ?? 60_000);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000);
const PER_TENANT = 10;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? "400";
const BASELINE_SENDS = Number(process.env.BENCH_BASELINE_SENDS ?? 20_000);
/** A few accounts get far more than their 100 sends/s allow, so the limits really bind somewhere. */
const HOT_ACCOUNTS = Number(process.env.BENCH_HOT_ACCOUNTS ?? 10);
const HOT_SENDS = Number(process.env.BENCH_HOT_SENDS ?? 600);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 300) * 1000;
const log = (line: string) => process.stdout.write(`${line}\n`);

const env = benchEnv("outbound");
Object.assign(process.env, env);
await resetBenchState(env);
const { migrate } = await import("@/lib/db/migrate");
await migrate(env.DATABASE_URL!);
const { primary, disconnectDb } = await import("@/lib/db");
const { encryptToken } = await import("@/lib/crypto/token-cipher");
const { seedPlans } = await import("@/prisma/seed-data");
const { enqueueSends } = await import("@/lib/pipeline/outbound/enqueue-sends");
const { ensureUsageRow } = await import("@/lib/pipeline/usage/ensure-usage-row");
const { usagePeriod } = await import("@/lib/pipeline/usage/usage-period");
const { closeSqlPool } = await import("@/lib/pipeline/sql/pool");
const { queue, closeQueues } = await import("@/lib/queue/queues");
const { closeRedis } = await import("@/lib/redis");

const children: Spawned[] = [];
// Whatever happens, no simulator or worker outlives the bench.
process.on("exit", () => {
  for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill("SIGKILL");
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => process.exit(130));
const deadline = setTimeout(() => {
  log("bench: time limit reached, stopping");
  for (const c of children) c.child.kill("SIGKILL");
  process.exit(2);
}, TIMEOUT_MS + 600_000);
deadline.unref();

// ── the simulator, in its own process ──
const simPort = await freePort();
const simUrl = `http://127.0.0.1:${simPort}`;
const sim = spawnProcess(process.execPath, ["--import", "tsx", "scripts/sim.ts"], {
  ...env,
  LOG_LEVEL: "warn",
  SIM_PORT: String(simPort),
  SIM_INSTAGRAM_APP_SECRET: env.INSTAGRAM_APP_SECRET,
  SIM_MAX_SEND_RECORDS: String(SENDS + BASELINE_SENDS + 10_000),
});
children.push(sim);
await waitForUrl(`${simUrl}/__admin/stats`, { proc: sim });
const admin = simAdmin(simUrl);

// ── 1,000 accounts in 100 workspaces, one open-window contact per DM ──
log(`bench: seeding ${fmt(ACCOUNTS)} accounts and ${fmt(SENDS)} queued DMs (${HOT_ACCOUNTS} hot accounts with ${HOT_SENDS} each, beyond their 100/s)…`);
const plans = await seedPlans();
const hot = Math.min(HOT_ACCOUNTS, ACCOUNTS - 1);
const hotSends = Math.min(HOT_SENDS, Math.floor(SENDS / (2 * Math.max(1, hot))));
const perAccount = (i: number) => (i < hot ? hotSends : Math.floor((SENDS - hot * hotSends) / (ACCOUNTS - hot)) + (i - hot < (SENDS - hot * hotSends) % (ACCOUNTS - hot) ? 1 : 0));
const accounts: SeedAccount[] = [];
const keys = env.TOKEN_ENCRYPTION_KEYS!;
for (let t = 0; t < ACCOUNTS / PER_TENANT; t++) {
  const tenant = await primary().tenant.create({ data: { name: `Bench ${t}`, slug: `bench-${t}`, planId: plans.business } });
  for (let k = 0; k < PER_TENANT; k++) {
    const igId = `1784160${String(t * PER_TENANT + k).padStart(8, "0")}`;
    const { token } = await admin.createAccount({ id: igId, username: `bench_${t}_${k}` });
    const account = await primary().instagramAccount.create({
      data: { tenantId: tenant.id, igUserId: igId, username: `bench_${t}_${k}`, subscribedFields: [], accessTokenCiphertext: encryptToken(keys, token), tokenKeyId: "t1" },
    });
    const automation = await primary().automation.create({
      data: { tenantId: tenant.id, accountId: account.id, name: "Welcome", status: "active", triggerType: "dm_any", trigger: { type: "dm_any" }, conditions: {}, actions: [{ type: "dm", message: { text: "Thanks for writing!" } }] },
    });
    accounts.push({ tenantId: tenant.id, accountId: account.id, automationId: automation.id, igId, recipients: [] });
  }
  await ensureUsageRow(tenant.id, usagePeriod(Date.now()));
}
// Every person writes first (Instagram's 24-hour window), in batches.
const dms = accounts.flatMap((a, k) => Array.from({ length: perAccount(k) }, (_, i) => ({ type: "dm", accountId: a.igId, username: `fan_${a.igId.slice(-5)}_${i}`, text: "hi! price?" })));
const byAccount = new Map(accounts.map((a) => [a.igId, a]));
for (let i = 0; i < dms.length; i += 2_000) {
  const { data } = await admin.actMany(dms.slice(i, i + 2_000));
  for (const r of data) byAccount.get(r.accountId)!.recipients.push(r.userId);
}
const seeded = await seedQueuedDms(env.DATABASE_URL!, accounts);

// ── baseline: the simulator's raw capacity, same endpoint, no pipeline ──
const baseJobs: { igId: string; token: string; recipient: string }[] = [];
for (let b = 0; b < 100; b++) {
  const igId = `1784170${String(b).padStart(8, "0")}`;
  const { token } = await admin.createAccount({ id: igId, username: `base_${b}` });
  await admin.setLimits(igId, { sendText: { limit: 10_000_000, windowMs: 1_000 } });
  const { data } = await admin.actMany(Array.from({ length: 20 }, (_, i) => ({ type: "dm", accountId: igId, username: `bu_${b}_${i}`, text: "hi" })));
  data.forEach((d) => baseJobs.push({ igId, token, recipient: d.userId }));
}
const baseline = await keepAliveBaseline({ url: simUrl, connections: 64, jobs: Array.from({ length: BASELINE_SENDS }, (_, i) => baseJobs[i % baseJobs.length]!) });
log(`baseline: bare keep-alive loop → simulator: ${fmt(baseline.perSecond)} DMs/s (${fmt(baseline.sent)} sent, ${baseline.failed} failed, 64 connections)`);

// ── the worker process(es) ──
const workerEnv = { ...env, GRAPH_API_BASE_URL: simUrl, GRAPH_OAUTH_BASE_URL: simUrl, GRAPH_AUTHORIZE_BASE_URL: simUrl, WORKER_OUTBOUND_CONCURRENCY: CONCURRENCY, LOG_LEVEL: "warn" };
const profile = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir", ".data/prof"] : [];
const workers: { proc: Spawned; port: number }[] = [];
for (let w = 0; w < WORKERS; w++) {
  const port = await freePort();
  const proc = spawnProcess(process.execPath, [...profile, "--import", "tsx", "worker/index.ts"], { ...workerEnv, WORKER_HEALTH_PORT: String(port) });
  children.push(proc);
  await waitForUrl(`http://127.0.0.1:${port}/readyz`, { proc, timeoutMs: 60_000 });
  workers.push({ proc, port });
}
// ── enqueue through the pipeline while the workers run, as the events processor does: each
// account's sends land in the delayed set at the pace its limits allow (reserved slots) ──
// The hot accounts' bursts first (their sends then sit in the delayed set at their own pace
// while everyone else's go out), then every other account's DMs interleaved as traffic arrives.
const byOwner = new Map<string, typeof seeded>();
for (const s of seeded) byOwner.set(s.accountId, [...(byOwner.get(s.accountId) ?? []), s]);
const hotIds = new Set(accounts.slice(0, hot).map((a) => a.accountId));
const interleaved: typeof seeded = [];
for (const group of [[...byOwner].filter(([id]) => hotIds.has(id)), [...byOwner].filter(([id]) => !hotIds.has(id))]) {
  const total = group.reduce((n, [, list]) => n + list.length, 0);
  for (let k = 0, added = 0; added < total; k++) for (const [, list] of group) if (list[k]) (interleaved.push(list[k]!), added++);
}
const sinceMs = Date.now() - 1;
const startedEnqueue = performance.now();
for (let i = 0; i < interleaved.length; i += 5_000) {
  await enqueueSends(
    interleaved.slice(i, i + 5_000).map((s) => ({
      tenantId: s.tenantId,
      accountId: s.accountId,
      outboundId: s.outboundId,
      automationId: s.automationId,
      actionIndex: 0,
      webhookEventId: s.webhookEventId,
      kind: "dm" as const,
      contactId: s.contactId,
      recipientIgsid: s.recipient,
      content: { parts: [{ message: { text: s.text }, echo: s.text }] },
      scheduledAt: Date.now(),
    })),
  );
}
log(`bench: ${fmt(seeded.length)} send jobs enqueued via enqueueSends in ${fmt((performance.now() - startedEnqueue) / 1000, 1)} s (workers already sending)`);
const pipelineIgIds = new Set(accounts.map((a) => a.igId));
let peakRssMb = 0;
const began = Date.now();
for (;;) {
  const stats = await admin.stats();
  const done = (stats.totals.dm ?? 0) - baseline.sent;
  for (const w of workers) {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${w.proc.child.pid}/status`, "utf8"));
    if (m) peakRssMb = Math.max(peakRssMb, Number(m[1]) / 1024);
  }
  if (done >= seeded.length || Date.now() - began > TIMEOUT_MS) break;
  await new Promise((r) => setTimeout(r, 500));
}
await new Promise((r) => setTimeout(r, 1_500)); // anything sent twice would land now

// ── figures from the simulator's own record ──
const record = (await admin.sends(`kind=dm&since=${sinceMs}&limit=1000000`)).data.filter((s) => pipelineIgIds.has(s.accountId));
const stats = await admin.stats();
const pairs = new Map<string, number>();
for (const s of record) pairs.set(`${s.accountId}:${s.recipientId}`, (pairs.get(`${s.accountId}:${s.recipientId}`) ?? 0) + 1);
const duplicates = [...pairs.values()].reduce((n, c) => n + (c - 1), 0) + stats.duplicates;
const missing = seeded.length - pairs.size;
const times = record.map((s) => s.at).sort((a, b) => a - b);
const spanS = times.length > 1 ? (times[times.length - 1]! - times[0]!) / 1000 : NaN;
const rate = (record.length - 1) / spanS;
const rows = await primary().outboundMessage.groupBy({ by: ["status"], _count: true });

log(`pipeline: ${fmt(record.length)} DMs in ${fmt(spanS, 2)} s across ${fmt(accounts.length)} accounts = ${fmt(rate)} sends/s (${fmt((100 * rate) / baseline.perSecond)} % of the baseline)`);
const at = (q: number) => ((times[Math.min(times.length - 1, Math.floor(q * times.length))]! - times[0]!) / 1000).toFixed(2);
log(`progress: 50 % of the DMs after ${at(0.5)} s, 90 % after ${at(0.9)} s, 99 % after ${at(0.99)} s, all after ${at(1)} s`);
// The densest second of each hot account, as the simulator timed the arrivals (limit: 100).
let densest = 0;
for (const a of accounts.slice(0, hot)) {
  const ts = record.filter((r) => r.accountId === a.igId).map((r) => r.at).sort((x, y) => x - y);
  for (let i = 0, j = 0; j < ts.length; j++) {
    while (ts[j]! - ts[i]! >= 1_000) i++;
    densest = Math.max(densest, j - i + 1);
  }
}
log(`hot accounts: ${hot} × ${hotSends} DMs; at most ${densest} sends in any 1-second window of one account (Meta's limit: 100)`);
log(`workers: ${WORKERS} process(es), outbound concurrency ${CONCURRENCY}, peak RSS ${fmt(peakRssMb)} MB`);
log(`rows: ${rows.map((r) => `${r.status}=${r._count}`).join(" ")}; missing=${missing}; violations by class: ${JSON.stringify(stats.violations.byClass)}`);

// How often the limiter refused a grant (each refusal deferred a job without using an attempt).
let refusals = 0;
for (const w of workers) {
  const text = await (await fetch(`http://127.0.0.1:${w.port}/metrics`)).text().catch(() => "");
  for (const m of text.matchAll(/^replyflow_rate_limit_waits_total\{[^}]*\} (\d+)/gm)) refusals += Number(m[1]);
}
log(`limiter: ${fmt(refusals)} grants refused and deferred (hot accounts at their limit)`);
if (process.env.BENCH_DEBUG) for (const w of workers) log(w.proc.output().split("\n").filter((l) => l.startsWith("DBG")).slice(0, 40).join("\n"));
for (const w of workers) w.proc.child.kill("SIGTERM");
await Promise.all(workers.map((w) => Promise.race([w.proc.exited, new Promise((r) => setTimeout(r, 15_000))])));
sim.child.kill("SIGTERM");
await Promise.race([sim.exited, new Promise((r) => setTimeout(r, 5_000))]);
await Promise.allSettled([closeQueues(), closeSqlPool(), disconnectDb()]);
await closeRedis();
if (process.env.BENCH_KEEP !== "1") await resetBenchState(env);
log(`RESULT sends_per_s=${Math.round(rate)} accounts=${accounts.length} violations=${stats.violations.total} duplicates=${duplicates}`);
process.exit(0);

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { spawnProcess, waitForUrl, freePort } from "../tests/helpers/processes";
import { commentPayload, metaJson, sign } from "../tests/helpers/webhooks";
import { benchEnv, ensureTool, fmt, resetBenchState } from "./lib/bench-env";
import { runWrk } from "./lib/wrk";

/**
 * npm run bench:ingest — SPEC §8: Replyflow's standalone ingest against a bare node:http server
 * doing the same HMAC check and BullMQ add, measured in the same run with the same load (wrk,
 * 50 connections, every request a distinct signed comment). Checks that every acknowledged
 * event is in the queue (zero lost).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server (open in Chrome DevTools).
const PROF = [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean)];
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ACCOUNTS = 100;
const BODIES = Number(process.env.BENCH_BODIES ?? 150_000);

ensureTool("wrk", "wrk");
const env = benchEnv("ingest");
Object.assign(process.env, env);
await resetBenchState(env);

// One workspace with 100 connected accounts, through the real migration and Prisma client.
const { migrate } = await import("@/lib/db/migrate");
await migrate(env.DATABASE_URL!);
const { primary, disconnectDb } = await import("@/lib/db");
const { seedPlans } = await import("@/prisma/seed-data");
const plans = await seedPlans();
const tenant = await primary().tenant.create({ data: { name: "Bench", slug: "bench", planId: plans.business } });
const igIds = Array.from({ length: ACCOUNTS }, (_, i) => `1784150${String(i).padStart(8, "0")}`);
await primary().instagramAccount.createMany({
  data: igIds.map((igUserId, i) => ({ tenantId: tenant.id, igUserId, username: `bench_${i}`, subscribedFields: [] })),
});
await disconnectDb();

// Distinct signed deliveries: Meta-escaped JSON with non-ASCII text, one comment each. Every
// round and server gets its own file, so no request repeats an earlier one (a repeat would be
// a cheap duplicate add and flatter the figures).
const dir = path.join(tmpdir(), "rf-bench-ingest");
mkdirSync(dir, { recursive: true });
function bodies(tag: string): string {
  const lines: string[] = [];
  for (let i = 0; i < BODIES; i++) {
    const body = metaJson(commentPayload(igIds[i % ACCOUNTS]!, { id: `${tag}-${i}`, text: i % 3 ? "PRICE please 🔥" : "ciao, prezzo? café", from: `9${i % 15000}` }));
    lines.push(`${sign(body, env.INSTAGRAM_APP_SECRET!)}\t${body}`);
  }
  const file = path.join(dir, `${tag}.tsv`);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

async function queueCount(prefix: string): Promise<number> {
  const conn = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null });
  const q = new Queue("events", { connection: conn as never, prefix });
  const counts = await q.getJobCounts("waiting", "prioritized", "delayed", "active", "completed", "failed");
  await q.close();
  conn.disconnect();
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

type Row = { name: string; rps: number; p50ms: number; p99ms: number; acked: number; queued: number; failed: number; cpuUs: number };

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return NaN;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Both servers run side by side; rounds alternate between them so that whatever else the
// machine does weighs on both alike. Throughput and p99 are the medians of the rounds.
const basePort = await freePort();
const basePrefix = "{rfbench_ingest_base}";
const baseline = spawnProcess(process.execPath, [...PROF, "--import", "tsx", "bench/baseline-ingest-server.ts"], {
  PORT: String(basePort),
  SECRET: env.INSTAGRAM_APP_SECRET,
  PREFIX: basePrefix,
});
const ingestPort = await freePort();
const ingest = spawnProcess(process.execPath, [...PROF, "--import", "tsx", "worker/ingest.ts"], { ...env, INGEST_PORT: String(ingestPort) });
await waitForUrl(`http://127.0.0.1:${ingestPort}/readyz`, { proc: ingest });
await new Promise((r) => setTimeout(r, 500));

const targets = [
  { name: "bare node:http + HMAC + BullMQ add", url: `http://127.0.0.1:${basePort}/`, prefix: basePrefix },
  { name: "Replyflow ingest (npm run start:ingest)", url: `http://127.0.0.1:${ingestPort}/webhooks/instagram`, prefix: env.REDIS_PREFIX! },
];
const runs = targets.map(() => [] as ReturnType<typeof runWrk>[]);
// Server CPU per request (user + system, from /proc) is steadier than req/s on a busy machine.
const cpu = targets.map(() => 0);
const pids = [baseline.child.pid, ingest.child.pid];
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, t] of targets.entries()) {
    const file = bodies(`r${round}s${i}`);
    const before = cpuMs(pids[i]);
    runs[i]!.push(runWrk(t.url, file, { threads: 1, connections: CONNECTIONS, seconds: SECONDS }));
    cpu[i]! += cpuMs(pids[i]) - before;
  }
}
const rows: Row[] = [];
for (const [i, t] of targets.entries()) {
  const rs = runs[i]!;
  const acked = rs.reduce((a, r) => a + r.requests - r.non2xx - r.errors, 0);
  rows.push({
    name: t.name,
    rps: median(rs.map((r) => r.rps)),
    p50ms: median(rs.map((r) => r.p50ms)),
    p99ms: median(rs.map((r) => r.p99ms)),
    acked,
    queued: await queueCount(t.prefix),
    failed: rs.reduce((a, r) => a + r.non2xx + r.errors, 0),
    cpuUs: (cpu[i]! * 1000) / rs.reduce((a, r) => a + r.requests, 0),
  });
}
baseline.child.kill(PROF.length ? "SIGINT" : "SIGKILL");
ingest.child.kill("SIGTERM");
await ingest.exited;
const { flushPrefix } = await import("./lib/bench-env");
await flushPrefix(env.REDIS_URL!, basePrefix);
const [base, ours] = rows as [Row, Row];

const ratio = ours.rps / base.rps;
// wrk stops with a few requests in flight: they may be queued without being counted as
// acknowledged, so only acknowledged-but-missing events count as lost.
const lost = Math.max(0, ours.acked - ours.queued);
const pad = (s: string, n: number) => s.padEnd(n);
process.stdout.write(`\ningest benchmark: ${ROUNDS} alternating rounds of ${SECONDS}s per server, ${CONNECTIONS} connections, ${ACCOUNTS} accounts, distinct signed comments\n`);
process.stdout.write(`${pad("server", 42)}${pad("req/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("cpu µs/req", 12)}${pad("acked", 9)}${pad("in queue", 10)}non-2xx\n`);
for (const r of [base, ours]) {
  process.stdout.write(`${pad(r.name, 42)}${pad(fmt(r.rps), 10)}${pad(fmt(r.p50ms, 2), 9)}${pad(fmt(r.p99ms, 2), 9)}${pad(fmt(r.cpuUs, 1), 12)}${pad(fmt(r.acked), 9)}${pad(fmt(r.queued), 10)}${r.failed}\n`);
}
process.stdout.write(`target: ≥ 70 % of baseline and p99 < 30 ms, zero lost\n`);
process.stdout.write(`RESULT ingest_rps=${Math.round(ours.rps)} baseline_rps=${Math.round(base.rps)} ratio=${ratio.toFixed(2)} p99_ms=${ours.p99ms.toFixed(2)} lost=${lost}\n`);
process.exit(0);

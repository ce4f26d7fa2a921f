import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encryptToken } from "@/lib/crypto/token-cipher";
import { primary } from "@/lib/db";
import { ZAutomationDefinition, type TAutomationDefinitionInput } from "@/lib/automations/schema";
import { publishAccount } from "@/lib/instagram/account-directory";
import { invalidateAutomations } from "@/lib/pipeline/automations/invalidate-automations";
import { redis } from "@/lib/redis";
import { createSimulator, type Simulator } from "@/lib/simulator";
import { seedPlans } from "@/prisma/seed-data";
import { freePort, spawnTsx, waitForUrl, type Spawned } from "../../helpers/processes";
import { TEST_ENV } from "../../helpers/test-env";

/**
 * The pipeline's integration harness: the Graph API simulator in this process, real MySQL and
 * Redis (this file's database and prefix), and the real worker and ingest entry points as
 * child processes — so SIGKILL means SIGKILL. Timings are shortened through the environment
 * (locks, sweeps, grace periods), never by patching code.
 */
export const PIPELINE_ENV: Record<string, string> = {
  LOG_LEVEL: process.env.PIPELINE_LOG_LEVEL ?? "warn",
  WORKER_LOCK_MS: "2000",
  WORKER_STALLED_INTERVAL_MS: "1000",
  OUTBOUND_SWEEP_INTERVAL_MS: "2000",
  OUTBOUND_UNKNOWN_GRACE_MS: "3000",
  ACCOUNT_CACHE_TTL_MS: "300",
  GRAPH_TIMEOUT_MS: "3000",
  WORKER_OUTBOUND_CONCURRENCY: "50",
  WORKER_EVENTS_CONCURRENCY: "20",
  WORKER_SHUTDOWN_GRACE_MS: "3000",
};

export async function startSim(callbackUrl?: string): Promise<Simulator> {
  const { createLogger } = await import("@/lib/logger");
  return createSimulator(
    {
      port: 0,
      instagramAppSecret: TEST_ENV.INSTAGRAM_APP_SECRET!,
      testAccount: null,
      caps: { sends: 200_000 },
      webhooks: { callbackUrl: callbackUrl ?? null, retry: { preset: "compressed" }, lingerMs: 2 },
    },
    { logger: createLogger({ name: "sim", level: "silent" }) },
  );
}

export function graphEnv(sim: Simulator): Record<string, string> {
  return { GRAPH_API_BASE_URL: sim.url, GRAPH_OAUTH_BASE_URL: sim.url, GRAPH_AUTHORIZE_BASE_URL: sim.url };
}

export async function seedWorkspace(slug: string, plan: "free" | "pro" | "business" = "business") {
  const plans = await seedPlans();
  const tenant = await primary().tenant.create({ data: { name: `Shop ${slug}`, slug, planId: plans[plan] } });
  const user = await primary().user.create({ data: { email: `owner-${slug}@example.com`, passwordHash: "x" } });
  await primary().membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
  return tenant;
}

type Field = "comments" | "live_comments" | "messages";

export async function connectAccount(sim: Simulator, tenantId: string, igId: string, username: string, fields: Field[] = ["comments", "messages"]) {
  const { token } = sim.admin.createAccount({ id: igId, username, subscribedFields: fields });
  const row = await primary().instagramAccount.create({
    data: {
      tenantId,
      igUserId: igId,
      username,
      subscribedFields: fields,
      accessTokenCiphertext: encryptToken(TEST_ENV.TOKEN_ENCRYPTION_KEYS!, token),
      tokenKeyId: "t1",
    },
  });
  await publishAccount(redis(), { igUserId: igId, tenantId, id: row.id, status: "active" });
  return { row, token };
}

export async function createAutomation(tenantId: string, accountId: string, name: string, input: TAutomationDefinitionInput, priority = 0) {
  const def = ZAutomationDefinition.parse(input);
  const row = await primary().automation.create({
    data: {
      tenantId,
      accountId,
      name,
      status: "active",
      priority,
      triggerType: def.trigger.type,
      trigger: def.trigger as object,
      conditions: def.conditions as object,
      actions: def.actions as object[],
    },
  });
  await invalidateAutomations(accountId);
  return row;
}

export type Proc = Spawned & { port: number; url: string };

export async function startWorker(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const proc = spawnTsx("worker/index.ts", { ...PIPELINE_ENV, ...env, WORKER_HEALTH_PORT: String(port) });
  await waitForUrl(`http://127.0.0.1:${port}/readyz`, { proc, timeoutMs: 40_000 });
  return Object.assign(proc, { port, url: `http://127.0.0.1:${port}` });
}

export async function startIngest(env: Record<string, string> = {}): Promise<Proc> {
  const port = await freePort();
  const proc = spawnTsx("worker/ingest.ts", { ...PIPELINE_ENV, ...env, INGEST_PORT: String(port) });
  await waitForUrl(`http://127.0.0.1:${port}/readyz`, { proc, timeoutMs: 40_000 });
  return Object.assign(proc, { port, url: `http://127.0.0.1:${port}/webhooks/instagram` });
}

export async function stop(proc: Spawned | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  const done = await Promise.race([proc.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 8_000))]);
  if (!done) proc.child.kill("SIGKILL");
}

/** Polls until `check` returns a truthy value; bounded, with the last value in the error. */
type Truthy<T> = Exclude<T, false | 0 | "" | null | undefined>;

export async function waitFor<T>(check: () => Promise<T> | T, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<Truthy<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as Truthy<T>;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 150));
  }
  throw new Error(`timed out waiting for ${opts.what ?? "condition"} (last: ${JSON.stringify(last, (_k, v) => (typeof v === "bigint" ? String(v) : v))})`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function mailDir(): string {
  return mkdtempSync(path.join(tmpdir(), "rf-pipeline-mail-"));
}

export function readMails(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
}

/** Every OutboundMessage of a workspace, by id. */
export async function outboundRows(tenantId: string) {
  return primary().outboundMessage.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
}

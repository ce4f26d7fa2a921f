import { z } from "zod";
import { createLogger } from "@/lib/logger";
import { createSimulator, WEBHOOK_FIELDS } from "@/lib/simulator";

/**
 * `npm run sim`: the Graph API simulator as a process. Settings come from SIM_* variables
 * (see lib/simulator/README.md); a bad one stops it with one line naming it. Optionally runs a
 * scenario: `npm run sim -- --scenario giveaway-reel --count 2000 --duration-ms 60000 [--exit]`.
 */
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)).pipe(z.array(item));
const int = (min: number, max: number) =>
  z.coerce.number({ message: `must be an integer from ${min} to ${max}` }).int(`must be an integer from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const prob = z.coerce.number({ message: "must be a number from 0 to 1" }).min(0, "must be at least 0").max(1, "must be at most 1");

const ZSimEnv = z.object({
  SIM_HOST: z.string().min(1).default("127.0.0.1"),
  SIM_PORT: int(0, 65_535).default(4010),
  SIM_APP_ID: z.string().min(1).default("1000000000000001"),
  SIM_INSTAGRAM_APP_SECRET: z.string().min(8, "must be at least 8 characters").default("sim-instagram-app-secret"),
  SIM_APP_SECRET: z.string().min(8, "must be at least 8 characters").default("sim-meta-app-secret"),
  SIM_SIGNED_REQUEST_SECRET: z.enum(["instagram", "meta"]).default("instagram"),
  SIM_REDIRECT_URIS: csv(z.string().url()).default(["http://localhost:3000/api/instagram/callback"]),
  SIM_WEBHOOK_URL: z.string().url().optional(),
  SIM_VERIFY_TOKEN: z.string().min(1).default("sim-verify-token"),
  SIM_VERIFY_ON_START: bool.default(true),
  SIM_DEAUTHORIZE_URL: z.string().url().optional(),
  SIM_DATA_DELETION_URL: z.string().url().optional(),
  SIM_TEST_ACCOUNT_ID: z.string().regex(/^\d{5,25}$/, "must be a numeric id").default("17841400000000001"),
  SIM_TEST_ACCOUNT_USERNAME: z.string().min(1).max(30).default("replyflow_demo"),
  SIM_TEST_ACCOUNT_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  SIM_TEST_ACCOUNT_FIELDS: csv(z.enum(WEBHOOK_FIELDS)).default([]),
  SIM_REQUIRE_APPSECRET_PROOF: bool.default(false),
  SIM_LOCALE: z.enum(["en", "ja"]).default("en"),
  SIM_OAUTH_RESPONSE: z.enum(["wrapped", "flat"]).default("wrapped"),
  SIM_OAUTH_ERROR_STYLE: z.enum(["instagram", "graph"]).default("instagram"),
  SIM_SUPPORTED_VERSIONS: csv(z.string().regex(/^v\d+\.\d+$/)).optional(),
  SIM_USAGE_HEADER_THRESHOLD: z.coerce.number().min(0).max(100).default(10),
  SIM_WEBHOOK_MAX_BATCH: int(1, 1_000).default(50),
  SIM_WEBHOOK_LINGER_MS: int(0, 10_000).default(5),
  SIM_WEBHOOK_TIMEOUT_MS: int(1, 20_000).default(5_000),
  SIM_WEBHOOK_MAX_IN_FLIGHT: int(1, 256).default(8),
  SIM_WEBHOOK_RETRY: z.enum(["meta", "compressed"]).default("meta"),
  SIM_WEBHOOK_HORIZON_MS: int(0, 7 * 86_400_000).optional(),
  SIM_WEBHOOK_DUPLICATE_PROB: prob.default(0),
  SIM_WEBHOOK_REORDER_PROB: prob.default(0),
  SIM_WEBHOOK_ENVELOPE: z.enum(["changes", "flat"]).default("changes"),
  SIM_SEED: z.coerce.number().int().optional(),
  SIM_MAX_SEND_RECORDS: int(100, 10_000_000).default(100_000),
});

function fatal(message: string): never {
  process.stderr.write(`[sim] ${message}\n`);
  process.exit(1);
}

function parseEnv(): z.output<typeof ZSimEnv> {
  const result = ZSimEnv.safeParse(process.env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${String(i.path[0] ?? "environment")} ${i.message}`);
  fatal(`Invalid environment: ${problems.join("; ")}`);
}

/** `--scenario name --duration-ms 5000 --exit` → { scenario, params: { durationMs: "5000" }, exit }. */
function parseArgs(argv: string[]): { scenario?: string; exit: boolean; params: Record<string, string> } {
  const params: Record<string, string> = {};
  let scenario: string | undefined;
  let exit = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) fatal(`Invalid argument: ${arg} (expected --name value)`);
    const [rawKey, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const key = rawKey.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const next = argv[i + 1];
    const value = inline ?? (next !== undefined && !next.startsWith("--") ? (i++, next) : "true");
    if (key === "scenario") scenario = value;
    else if (key === "exit") exit = value !== "false";
    else params[key] = value;
  }
  return { scenario, exit, params };
}

const env = parseEnv();
const args = parseArgs(process.argv.slice(2));
const log = createLogger({ name: "sim" });

const sim = await createSimulator(
  {
    host: env.SIM_HOST,
    port: env.SIM_PORT,
    appId: env.SIM_APP_ID,
    instagramAppSecret: env.SIM_INSTAGRAM_APP_SECRET,
    appSecret: env.SIM_APP_SECRET,
    signedRequestSecret: env.SIM_SIGNED_REQUEST_SECRET,
    redirectUris: env.SIM_REDIRECT_URIS,
    requireAppsecretProof: env.SIM_REQUIRE_APPSECRET_PROOF,
    locale: env.SIM_LOCALE,
    oauthResponseShape: env.SIM_OAUTH_RESPONSE,
    oauthErrorStyle: env.SIM_OAUTH_ERROR_STYLE,
    ...(env.SIM_SUPPORTED_VERSIONS && { supportedVersions: env.SIM_SUPPORTED_VERSIONS }),
    usageHeaderThresholdPct: env.SIM_USAGE_HEADER_THRESHOLD,
    deauthorizeUrl: env.SIM_DEAUTHORIZE_URL ?? null,
    dataDeletionUrl: env.SIM_DATA_DELETION_URL ?? null,
    seed: env.SIM_SEED,
    caps: { sends: env.SIM_MAX_SEND_RECORDS },
    testAccount: {
      id: env.SIM_TEST_ACCOUNT_ID,
      username: env.SIM_TEST_ACCOUNT_USERNAME,
      token: env.SIM_TEST_ACCOUNT_TOKEN,
      subscribedFields: env.SIM_TEST_ACCOUNT_FIELDS,
    },
    webhooks: {
      callbackUrl: env.SIM_WEBHOOK_URL ?? null,
      verifyToken: env.SIM_VERIFY_TOKEN,
      maxBatch: env.SIM_WEBHOOK_MAX_BATCH,
      lingerMs: env.SIM_WEBHOOK_LINGER_MS,
      timeoutMs: env.SIM_WEBHOOK_TIMEOUT_MS,
      maxInFlight: env.SIM_WEBHOOK_MAX_IN_FLIGHT,
      retry: { preset: env.SIM_WEBHOOK_RETRY, horizonMs: env.SIM_WEBHOOK_HORIZON_MS },
      duplicateProbability: env.SIM_WEBHOOK_DUPLICATE_PROB,
      reorderProbability: env.SIM_WEBHOOK_REORDER_PROB,
      commentEnvelope: env.SIM_WEBHOOK_ENVELOPE,
    },
  },
  { logger: log },
).catch((err: unknown) => fatal(`Cannot start: ${err instanceof Error ? err.message : String(err)}`));

log.info({ url: sim.url, admin: `${sim.url}/__admin/state`, testAccountId: sim.testAccount?.id }, "simulator ready");

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await sim.close();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

if (env.SIM_WEBHOOK_URL && env.SIM_VERIFY_ON_START) {
  const result = await sim.emitter.verify();
  if (result.ok) log.info({ callback: env.SIM_WEBHOOK_URL }, "webhook handshake passed");
  else log.warn({ callback: env.SIM_WEBHOOK_URL, status: result.status, reason: result.reason }, "webhook handshake failed");
}

if (args.scenario) {
  let run;
  try {
    run = sim.admin.runScenario(args.scenario, args.params);
  } catch (err) {
    await sim.close();
    const detail = err instanceof z.ZodError ? z.prettifyError(err).replace(/\n/g, " ") : err instanceof Error ? err.message : String(err);
    fatal(`Invalid scenario: ${detail}`);
  }
  log.info({ run: run.id, scenario: args.scenario, planned: run.view().planned }, "scenario started");
  const view = await run.done;
  if (args.exit) {
    // Bounded: with Meta's retry schedule an unreachable receiver would keep retrying for 36 h.
    await Promise.race([sim.emitter.flush(), new Promise((r) => setTimeout(r, 30_000))]);
    log.info({ run: view.id, emitted: view.emitted, errors: view.errors, summary: view.summary, webhooks: sim.emitter.counters() }, "scenario done, exiting");
    await shutdown(0);
  }
}

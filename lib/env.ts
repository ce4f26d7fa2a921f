import { existsSync } from "node:fs";
import { z } from "zod";

/**
 * Every setting Replyflow reads from the environment, parsed once at boot. A missing or bad
 * variable stops the process with one line naming it (see `exitOnInvalidEnv`). `.env.example`
 * documents each one; keep the two in step (tests/unit/env.test.ts checks that).
 */

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const mysqlUrl = z
  .string()
  .refine((v) => /^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/.test(v) && URL.canParse(v), {
    message: "must be a mysql://user:password@host:port/database URL",
  });

const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), {
  message: "must be a redis:// or rediss:// URL",
});

const httpUrl = z.string().refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
  message: "must be an http:// or https:// URL",
});

const port = z.coerce.number().int().min(0).max(65_535);

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  DATABASE_URL: mysqlUrl,
  /** Comma-separated read replica URLs; reads that may be stale go there, else to the primary. */
  DATABASE_REPLICA_URLS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(mysqlUrl)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  REDIS_URL: redisUrl,
  /** BullMQ and cache key prefix; keep the braces so every key hashes to one Redis Cluster slot. */
  REDIS_PREFIX: z.string().regex(/^\{[a-z0-9_-]+\}$/, "must look like {replyflow}").default("{replyflow}"),

  APP_URL: httpUrl.default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** Keyring for access tokens at rest: `id:base64key,…`, first is current (32-byte keys). */
  TOKEN_ENCRYPTION_KEYS: z.string().regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]{43,44})*$/, "must be id:base64-32-byte-key[,id:key…]"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),

  INSTAGRAM_APP_ID: z.string().min(1),
  INSTAGRAM_APP_SECRET: z.string().min(16, "must be at least 16 characters"),
  /** The Meta app secret, also accepted on webhook signatures (Facebook Login flavour). */
  META_APP_SECRET: z.string().min(16).optional(),
  WEBHOOK_VERIFY_TOKEN: z.string().min(8, "must be at least 8 characters"),
  GRAPH_API_BASE_URL: httpUrl.default("https://graph.instagram.com"),
  GRAPH_OAUTH_BASE_URL: httpUrl.default("https://api.instagram.com"),
  GRAPH_AUTHORIZE_BASE_URL: httpUrl.default("https://www.instagram.com"),
  GRAPH_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v25.0").default("v25.0"),
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  GRAPH_REQUIRE_APPSECRET_PROOF: bool.default(true),

  INGEST_PORT: port.default(3100),
  WORKER_HEALTH_PORT: port.default(3200),
  WORKER_EVENTS_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  WORKER_OUTBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(100),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /**
   * BullMQ job lock and stalled-job check. A worker that dies (SIGKILL) holds its jobs until the
   * lock expires; then the stalled checker hands them on and the MySQL claim keeps them from
   * being sent twice. Shorter values recover faster and cost more Redis calls (tests use ~2 s).
   */
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** How long a send whose outcome is unknown (timeout, 1/1357046) waits for its echo before it is sent again. */
  OUTBOUND_UNKNOWN_GRACE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(90_000),
  /** Period of the outbound sweep: lost enqueues, parked accounts that are active again, expired unknown sends. */
  OUTBOUND_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Workers cache an account's status, limits and decrypted token this long (at most a minute). */
  ACCOUNT_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(30_000),
  /** Time to live of the per-account active-automation cache in Redis (every automation write also invalidates it). */
  AUTOMATION_CACHE_TTL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  /**
   * Safety margin added to every per-account rate window (lib/outbound/rate-limit). Meta counts a
   * call when it arrives; a worker or network pause between grant and arrival can squeeze
   * calls granted a full window apart into one. 100 ms costs an account at its limit 9 % of
   * a 1-second budget; 25 ms was overrun on a loaded 2-core machine.
   */
  OUTBOUND_RATE_MARGIN_MS: z.coerce.number().int().min(0).max(10_000).default(100),

  /**
   * How many proxies in front of the web app append to X-Forwarded-For; the client IP (rate
   * limits, audit log) is that many entries from the right. Next.js itself fills the header
   * with the socket address only when it is absent, so a web tier exposed without a proxy
   * lets clients choose their own IP: run it behind one.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** /api/v1 requests per minute per API key (or per signed-in user). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** /api/v1 requests per minute per workspace, whichever keys or users send them. */
  API_TENANT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1_200),

  /** smtp://user:pass@host:port, or file:///path/to/dir to write .eml files (dev and tests). */
  MAIL_TRANSPORT: z.string().refine((v) => /^(smtps?|file):\/\//.test(v), "must be smtp://, smtps:// or file:// URL").default("file://./.data/mail"),
  MAIL_FROM: z.string().default("Replyflow <no-reply@replyflow.local>"),
});

export type Env = z.infer<typeof ZEnv>;

export class InvalidEnvError extends Error {
  override name = "InvalidEnvError";
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      "Invalid environment: " +
        issues.map((i) => `${i.variable} ${i.message}`).join("; "),
    );
  }
}

export function parseEnv(raw: Record<string, string | undefined> = process.env): Env {
  // `NAME=` in a .env file means "unset", not "the empty string".
  const source = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
  const result = ZEnv.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidEnvError(
    result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "environment");
      const missing = source[variable] === undefined;
      return { variable, message: missing ? "is missing" : issue.message };
    }),
  );
}

let cached: Env | undefined;

/** Loads `.env` for scripts run outside Next.js (which loads it itself), never overriding real env. */
function loadDotEnv(): void {
  if (existsSync(".env") && typeof process.loadEnvFile === "function") process.loadEnvFile(".env");
}

export function env(): Env {
  if (!cached) {
    loadDotEnv();
    cached = parseEnv(process.env);
  }
  return cached;
}

/** For process entry points: parse now, or print one clear line and exit 1. */
export function exitOnInvalidEnv(service: string): Env {
  try {
    return env();
  } catch (err) {
    if (err instanceof InvalidEnvError) {
      process.stderr.write(`[${service}] ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

import pino, { type Logger } from "pino";

/**
 * Paths pino censors before a line is written. Tokens, secrets, passwords, cookies and
 * authorization headers never reach a log, wherever they sit in the logged object.
 */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "*.*.password",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "*.*.token",
  "accessToken",
  "*.accessToken",
  "*.*.accessToken",
  "access_token",
  "*.access_token",
  "*.*.access_token",
  "refreshToken",
  "*.refreshToken",
  "secret",
  "*.secret",
  "*.*.secret",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
  "appSecret",
  "*.appSecret",
  "apiKey",
  "*.apiKey",
  "cookie",
  "*.cookie",
  "cookies",
  "*.cookies",
  "authorization",
  "*.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers[\"x-hub-signature-256\"]",
  "headers.authorization",
  "headers.cookie",
  "headers[\"set-cookie\"]",
  "res.headers[\"set-cookie\"]",
  "signed_request",
  "*.signed_request",
  "appsecret_proof",
  "*.appsecret_proof",
];

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type Level = (typeof LEVELS)[number];

function levelFromEnv(): Level {
  const raw = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
  return (LEVELS as readonly string[]).includes(raw) ? (raw as Level) : "info";
}

/** Builds a root logger; `destination` lets tests capture the exact bytes written. */
export function createLogger(opts: { level?: Level; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level ?? levelFromEnv(),
    base: { service: opts.name ?? process.env.SERVICE_NAME ?? "replyflow" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

export const logger: Logger = createLogger();
export type { Logger };

let injected: Logger | undefined;

/**
 * The root logger request and auth code derive child loggers from. Tests swap it
 * (`setRootLogger`) to capture exactly what the real sign-in, reset and API paths write.
 */
export function rootLogger(): Logger {
  return injected ?? logger;
}

export function setRootLogger(next: Logger | undefined): void {
  injected = next;
}

import path from "node:path";
import { TEST_ENV } from "../helpers/test-env";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3300);
/** Where the e2e server's emails land (.eml files), for specs that follow invitation and reset links. */
export const E2E_MAIL_DIR = path.resolve(import.meta.dirname, "../../test-results/e2e-mail");
/** The Graph API simulator the e2e server starts beside itself (scripts/e2e-server.ts). */
export const E2E_SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 3310);
export const E2E_SIM_URL = `http://127.0.0.1:${E2E_SIM_PORT}`;

/** The e2e server's settings: its own database and Redis prefix, production build. */
export const E2E_ENV: Record<string, string> = {
  ...TEST_ENV,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  PORT: String(E2E_PORT),
  APP_URL: `http://127.0.0.1:${E2E_PORT}`,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/rf_e2e",
  REDIS_PREFIX: "{rfe2e}",
  MAIL_TRANSPORT: `file://${E2E_MAIL_DIR}`,
  // Instagram is the simulator: the same Graph client, pointed elsewhere by configuration only.
  GRAPH_API_BASE_URL: E2E_SIM_URL,
  GRAPH_OAUTH_BASE_URL: E2E_SIM_URL,
  GRAPH_AUTHORIZE_BASE_URL: E2E_SIM_URL,
  E2E_SIM_PORT: String(E2E_SIM_PORT),
  E2E_PERF_ROWS: String(Number(process.env.E2E_PERF_ROWS ?? 100_000)),
  E2E_WORKER_HEALTH_PORT: String(Number(process.env.E2E_WORKER_HEALTH_PORT ?? 3320)),
};

/** A workspace seeded by the e2e server with PERF_ROWS messages (and as many runs and events), for page-load timings. */
export const E2E_PERF = {
  rows: Number(process.env.E2E_PERF_ROWS ?? 100_000),
  slug: "perf-100k",
  email: "perf@replyflow.test",
  password: "perf tenant passphrase",
} as const;
/** Where the e2e worker serves /healthz. */
export const E2E_WORKER_HEALTH_PORT = Number(process.env.E2E_WORKER_HEALTH_PORT ?? 3320);

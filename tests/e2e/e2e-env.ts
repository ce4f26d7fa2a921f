import { TEST_ENV } from "../helpers/test-env";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3300);

/** The e2e server's settings: its own database and Redis prefix, production build. */
export const E2E_ENV: Record<string, string> = {
  ...TEST_ENV,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  PORT: String(E2E_PORT),
  APP_URL: `http://127.0.0.1:${E2E_PORT}`,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/rf_e2e",
  REDIS_PREFIX: "{rfe2e}",
};

import { defineConfig } from "@playwright/test";
import { E2E_ENV, E2E_PORT } from "./tests/e2e/e2e-env";

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download browsers here). The run
 * starts its own production server (`next start`) against its own database and Redis prefix.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/health/live`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: E2E_ENV,
    stdout: "ignore",
    stderr: "pipe",
  },
});

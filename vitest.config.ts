import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
// next-auth imports "next/server" and "next/headers" without an extension, which Next's bundler
// resolves and Node's ESM loader does not: let Vite transform it (and resolve them) in tests.
const server = { deps: { inline: ["next-auth"] } };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", server, include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          server,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database and Redis prefix; two forks keep the 2-core box busy without thrashing.
          pool: "forks",
          maxWorkers: 2,
          // Unit tests first (fast feedback), then the integration files.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

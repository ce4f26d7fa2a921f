import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

// `prisma generate` only needs the WebAssembly schema parser, but the CLI looks for a native
// schema engine first and tries to download one (impossible here). Any executable satisfies
// that lookup; /bin/true is on every machine this runs on.
const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/true",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);

import { z } from "zod";
import { createLogger } from "@/lib/logger";
import { migrate, MigrationError } from "@/lib/db/migrate";

// Needs only DATABASE_URL, so it can run before the rest of the environment exists.
if (typeof process.loadEnvFile === "function") {
  try {
    process.loadEnvFile(".env");
  } catch {
    /* no .env: the environment alone is used */
  }
}
const log = createLogger({ name: "migrate" });
const url = z.string().startsWith("mysql://").safeParse(process.env.DATABASE_URL);
if (!url.success) {
  process.stderr.write("[migrate] Invalid environment: DATABASE_URL must be a mysql:// URL\n");
  process.exit(1);
}

try {
  const result = await migrate(url.data, log);
  process.stdout.write(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}\n`
      : `Database is up to date (${result.alreadyApplied.length} migration(s) already applied).\n`,
  );
} catch (err) {
  process.stderr.write(`[migrate] ${err instanceof MigrationError ? err.message : String(err)}\n`);
  process.exit(1);
}

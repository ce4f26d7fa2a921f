import mariadb from "mariadb";
import { Redis } from "ioredis";
import { migrate } from "@/lib/db/migrate";

let migrated: Promise<void> | undefined;

/** Creates and migrates this test file's database once; call it in beforeAll. */
export function useTestDatabase(): Promise<void> {
  migrated ??= migrate(process.env.DATABASE_URL!).then(() => undefined);
  return migrated;
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!name.startsWith("rf_test_")) throw new Error(`refusing to drop ${name}: not a test database`);
  const conn = await mariadb.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

/** Deletes every key under a test prefix (SCAN, never KEYS, so a shared Redis stays responsive). */
export async function flushTestPrefix(redisUrl: string, prefix: string): Promise<void> {
  if (!prefix.startsWith("{rft_")) throw new Error(`refusing to flush ${prefix}: not a test prefix`);
  const r = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await r.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== "0");
  } finally {
    r.disconnect();
  }
}

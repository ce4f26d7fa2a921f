import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { applyTestEnv, TEST_ENV } from "../helpers/test-env";
import { dropTestDatabase, flushTestPrefix } from "../helpers/isolation";

/**
 * Every integration test file runs in its own database and Redis key prefix, so files run in
 * parallel without seeing each other's rows or jobs; both are removed when the file ends.
 * The database is created and migrated lazily by `useTestDatabase()`.
 */
const id = `${process.pid}_${randomBytes(3).toString("hex")}`;
const base = new URL(TEST_ENV.DATABASE_URL!);
base.pathname = `/rf_test_${id}`;
applyTestEnv({ DATABASE_URL: base.toString(), REDIS_PREFIX: `{rft_${id}}` });

afterAll(async () => {
  const [{ disconnectDb }, { closeRedis }, { closeQueues }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/redis"),
    import("@/lib/queue/queues"),
  ]);
  await Promise.allSettled([disconnectDb(), closeQueues()]);
  await flushTestPrefix(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
  await closeRedis();
  await dropTestDatabase(process.env.DATABASE_URL!);
});

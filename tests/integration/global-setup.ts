import mariadb from "mariadb";
import { Redis } from "ioredis";
import { TEST_ENV } from "../helpers/test-env";

/** Fails the run at once, with what to do, when MariaDB or Redis is not reachable. */
export default async function globalSetup() {
  const db = new URL(TEST_ENV.DATABASE_URL!);
  try {
    const conn = await mariadb.createConnection({
      host: db.hostname,
      port: Number(db.port || 3306),
      user: decodeURIComponent(db.username),
      password: decodeURIComponent(db.password),
      connectTimeout: 5_000,
    });
    await conn.end();
  } catch (err) {
    throw new Error(`Integration tests need MariaDB/MySQL at ${db.host} (see README "What the tests need"): ${String(err)}`);
  }
  const redis = new Redis(TEST_ENV.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3_000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Integration tests need Redis at ${TEST_ENV.REDIS_URL} (see README): ${String(err)}`);
  } finally {
    redis.disconnect();
  }
}

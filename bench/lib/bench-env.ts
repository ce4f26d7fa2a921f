import { spawnSync } from "node:child_process";
import mariadb from "mariadb";
import { Redis } from "ioredis";
import { TEST_ENV } from "../../tests/helpers/test-env";

/**
 * Benchmarks run against the real MariaDB and Redis on this machine, each in a database and
 * Redis prefix of its own that is reset at the start, so a run never touches demo or test data.
 */
export function benchEnv(name: string): Record<string, string> {
  return {
    ...TEST_ENV,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: `mysql://root@127.0.0.1:3306/rf_bench_${name}`,
    REDIS_PREFIX: `{rfbench_${name}}`,
    DATABASE_POOL_SIZE: "20",
  };
}

export async function resetBenchState(env: Record<string, string>): Promise<void> {
  const url = new URL(env.DATABASE_URL!);
  const conn = await mariadb.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || "root" });
  await conn.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
  await conn.end();
  await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
}

export async function flushPrefix(redisUrl: string, prefix: string): Promise<void> {
  const r = new Redis(redisUrl);
  let cursor = "0";
  do {
    const [next, keys] = await r.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 5000);
    cursor = next;
    if (keys.length) await r.del(...keys);
  } while (cursor !== "0");
  r.disconnect();
}

export function ensureTool(bin: string, debPackage: string): void {
  if (spawnSync("which", [bin]).status === 0) return;
  const r = spawnSync("bash", ["-c", `apt-get install -y -qq ${debPackage} >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq ${debPackage})`], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${bin} is needed: apt-get install ${debPackage}`);
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "n/a");

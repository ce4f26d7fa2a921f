import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upstashRedisFromIORedis } from "@/lib/ratelimit/upstash-ioredis";
import { freePort, spawnProcess, type Spawned } from "../../helpers/processes";

/**
 * The contract between @upstash/ratelimit (pinned) and our ioredis adapter, against a real
 * Redis 7.0, for every algorithm: run on every bump of either package.
 */
const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
const prefix = `${process.env.REDIS_PREFIX}:contract`;
afterAll(() => redis.quit());

type Algo = "slidingWindow" | "fixedWindow" | "tokenBucket";
const algorithms: Record<Algo, ReturnType<typeof Ratelimit.slidingWindow>> = {
  slidingWindow: Ratelimit.slidingWindow(3, "10 s"),
  fixedWindow: Ratelimit.fixedWindow(3, "10 s"),
  tokenBucket: Ratelimit.tokenBucket(3, "10 s", 3),
};

function limiter(algo: Algo, client: Redis = redis, name: string = algo) {
  return new Ratelimit({
    redis: upstashRedisFromIORedis(client),
    limiter: algorithms[algo],
    prefix: `${prefix}:${name}`,
    ephemeralCache: false,
    analytics: false,
  });
}

describe("why the adapter exists", () => {
  it("Redis 7.0 rejects the library's script shebang as shipped", async () => {
    await expect(redis.eval("#!lua flags=allow-key-locking\nreturn 1", 0)).rejects.toThrow(/Unexpected flag|shebang/i);
  });
});

describe.each(Object.keys(algorithms) as Algo[])("@upstash/ratelimit %s over ioredis", (algo) => {
  it("admits the limit, then refuses, with counts and a reset in the window", async () => {
    const rl = limiter(algo);
    const id = `user-${Math.random()}`;
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await rl.limit(id));
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.limit)).toEqual([3, 3, 3, 3]);
    expect(results.slice(0, 3).map((r) => r.remaining)).toEqual([2, 1, 0]);
    expect(results[3]!.remaining).toBe(0);
    expect(results[3]!.reset).toBeGreaterThan(started);
    expect(results[3]!.reset).toBeLessThanOrEqual(started + 10_000 + 1_000);
    expect(results.every((r) => r.reason === undefined)).toBe(true);
    // Other identifiers have their own budget.
    expect((await rl.limit(`${id}-other`)).success).toBe(true);
  });

  it("reports what is left, and starts over after resetUsedTokens", async () => {
    const rl = limiter(algo);
    const id = `remaining-${Math.random()}`;
    await rl.limit(id);
    expect((await rl.getRemaining(id)).remaining).toBe(2);
    await rl.limit(id);
    await rl.limit(id);
    expect((await rl.limit(id)).success).toBe(false);
    await rl.resetUsedTokens(id);
    expect((await rl.limit(id)).success).toBe(true);
  });

  it("shares one count between instances (no in-process cache: every web replica sees the same budget)", async () => {
    const a = limiter(algo, redis, `${algo}-shared`);
    const b = limiter(algo, redis, `${algo}-shared`);
    const id = `shared-${Math.random()}`;
    expect((await a.limit(id)).success).toBe(true);
    expect((await b.limit(id)).success).toBe(true);
    expect((await a.limit(id)).success).toBe(true);
    expect((await b.limit(id)).success).toBe(false);
  });

  it("keeps its keys under the deployment prefix", async () => {
    const rl = limiter(algo, redis, `${algo}-keys`);
    await rl.limit("k");
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}:${algo}-keys*`, "COUNT", 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== "0");
    expect(keys.length).toBeGreaterThan(0);
  });
});

describe("after Redis forgets its scripts (restart, failover, SCRIPT FLUSH)", () => {
  let server: Spawned;
  let own: Redis;

  beforeAll(async () => {
    const port = await freePort();
    // A Redis of our own: flushing scripts on the shared one would disturb other test files.
    server = spawnProcess("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
    own = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 20, retryStrategy: (n) => (n > 50 ? null : 100) });
    own.on("error", () => undefined); // refused connections until the server listens
    await own.ping();
  });
  afterAll(async () => {
    own?.disconnect();
    server?.child.kill("SIGKILL");
  });

  it.each(Object.keys(algorithms) as Algo[])("%s reloads through NOSCRIPT and keeps counting", async (algo) => {
    const rl = limiter(algo, own);
    const id = `flush-${algo}`;
    expect((await rl.limit(id)).success).toBe(true);
    await own.script("FLUSH");
    // EVALSHA now answers NOSCRIPT; the library resends the script through our eval, stripped.
    const after = await rl.limit(id);
    expect(after).toMatchObject({ success: true, remaining: 1 });
  });
});

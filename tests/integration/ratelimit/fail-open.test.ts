import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger, setRootLogger } from "@/lib/logger";
import { checkWebLimit } from "@/lib/ratelimit/web-limits";
import { createRedis } from "@/lib/redis";
import { freePort } from "../../helpers/processes";

/**
 * The web tier's policy when Redis is down: let the request through (an outage must not lock
 * every user out) and say so in the log.
 */
describe("web rate limits when Redis is unreachable", () => {
  const lines: string[] = [];
  afterAll(() => setRootLogger(undefined));

  it("fail open, with a warning", async () => {
    setRootLogger(createLogger({ level: "warn", destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }) }));
    const dead = `redis://127.0.0.1:${await freePort()}`;
    // Swap the shared fail-fast connection for one to a port nobody listens on.
    (globalThis as unknown as { __replyflowRedis?: unknown }).__replyflowRedis = createRedis("client", dead, { connectTimeout: 200, commandTimeout: 300 });
    const started = Date.now();
    const verdict = await checkWebLimit("signIn", "198.51.100.50");
    expect(verdict.allowed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(lines.join("")).toMatch(/rate limiter (unavailable|timed out); failing open/);
  });
});

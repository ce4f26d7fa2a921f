import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { acquire, cooldown, cooldownState, recordUsage, reserveSlot } from "@/lib/outbound/rate-limit";
import { ACQUIRE, COOLDOWN, COOLDOWN_STATE, RECORD_USAGE, RESERVE } from "@/lib/outbound/rate-limit/scripts";
import { fairPriority } from "@/lib/queue/fair-priority";
import { createRedis } from "@/lib/redis";
import { freePort } from "../../../helpers/processes";

/**
 * `SCRIPT FLUSH` empties the cache of every client of a server, so this runs against a private
 * redis-server: the shared one serves other test files (and their BullMQ scripts) in parallel.
 */
let server: ChildProcess;
let r: Redis;

async function commandCalls(name: string): Promise<number> {
  const info = await r.info("commandstats");
  return Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(info)?.[1] ?? 0);
}

beforeAll(async () => {
  const port = await freePort();
  server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const exited = new Promise<never>((_, reject) => server.once("exit", (code) => reject(new Error(`redis-server exited ${code}`))));
  r = createRedis("client", `redis://127.0.0.1:${port}`, { retryStrategy: (n) => (n > 50 ? null : 100) });
  await Promise.race([r.ping(), exited]);
});

afterAll(async () => {
  await r?.quit().catch(() => r.disconnect());
  server?.kill("SIGTERM");
});

const ALL = [ACQUIRE, RESERVE, COOLDOWN, COOLDOWN_STATE, RECORD_USAGE];

describe("EVALSHA with NOSCRIPT fallback", () => {
  it("works on a server that never saw the scripts, and after SCRIPT FLUSH", async () => {
    const input = { accountId: "ns", cls: "send" as const, limit: 10, windowMs: 1_000 };
    expect(await r.script("EXISTS", ACQUIRE.sha)).toEqual([0]);
    expect((await acquire(r, input)).ok).toBe(true);
    expect(await r.script("EXISTS", ACQUIRE.sha)).toEqual([1]);

    await r.script("FLUSH");
    expect(await r.script("EXISTS", ...ALL.map((s) => s.sha))).toEqual(ALL.map(() => 0));
    // Concurrent calls right after the flush all fall back and all succeed.
    const after = await Promise.all(Array.from({ length: 5 }, () => acquire(r, input)));
    expect(after.every((x) => x.ok)).toBe(true);
    expect((await reserveSlot(r, input)).delayMs).toBe(0);
    await recordUsage(r, "ns", { callCount: 10 });
    expect(await cooldown(r, "ns", 1_000, "t")).toMatchObject({ active: true });
    expect(await cooldownState(r, "ns")).toMatchObject({ active: true, reason: "t" });
    expect(await fairPriority(r, "ns")).toBe(1);
    expect(await r.script("EXISTS", ...ALL.map((s) => s.sha))).toEqual(ALL.map(() => 1));
  });

  it("sends only the 40-byte EVALSHA once the script is cached", async () => {
    await acquire(r, { accountId: "steady", cls: "send", limit: 1_000, windowMs: 1_000 });
    const [eval0, sha0] = [await commandCalls("eval"), await commandCalls("evalsha")];
    await Promise.all(Array.from({ length: 100 }, () => acquire(r, { accountId: "steady", cls: "send", limit: 1_000, windowMs: 1_000 })));
    expect(await commandCalls("eval")).toBe(eval0);
    expect(await commandCalls("evalsha")).toBe(sha0 + 100);
  });

  it("fails closed: a Redis it cannot reach is an error, never a grant", async () => {
    const dead = createRedis("client", "redis://127.0.0.1:1", { retryStrategy: () => null });
    try {
      await expect(acquire(dead, { accountId: "x", cls: "send", limit: 1, windowMs: 1_000 })).rejects.toThrow();
    } finally {
      dead.disconnect();
    }
  });
});

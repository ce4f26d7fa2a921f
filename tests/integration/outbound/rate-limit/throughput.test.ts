import { afterAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { acquire } from "@/lib/outbound/rate-limit";
import { exceedsInAnyWindow } from "@/lib/outbound/rate-limit/window-math";
import { createLogger } from "@/lib/logger";
import { createRedis } from "@/lib/redis";

/**
 * How many acquire() calls one connection sustains, printed as a figure (STYLE: timing targets
 * are reported, never asserted). The assertions are about correctness under that load.
 */
const log = createLogger({ level: "info", name: "rate-limit-throughput" });
const ACCOUNTS = 1_000;
const RUN_MS = 2_000;
const IN_FLIGHT = 64;

const conns: Redis[] = [];
afterAll(async () => {
  await Promise.all(conns.map((c) => c.quit()));
});

async function measure(conn: Redis, label: string): Promise<{ perSecond: number; grants: Map<string, number[]> }> {
  const grants = new Map<string, number[]>();
  let calls = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + RUN_MS;
  const worker = async () => {
    while (performance.now() < deadline) {
      const accountId = `tp-${label}-${next++ % ACCOUNTS}`;
      const res = await acquire(conn, { accountId, cls: "send", limit: 100, windowMs: 1_000 });
      calls++;
      if (res.ok) {
        const list = grants.get(accountId) ?? [];
        list.push(res.atUs);
        grants.set(accountId, list);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const perSecond = Math.round(calls / ((performance.now() - started) / 1_000));
  log.info({ label, perSecond, calls, inFlight: IN_FLIGHT, accounts: ACCOUNTS }, `acquire throughput (${label}): ${perSecond} calls/s on one connection`);
  return { perSecond, grants };
}

describe("acquire throughput (one connection, 64 calls in flight, 1,000 accounts)", () => {
  it.each([
    ["plain", false],
    ["auto-pipelined", true],
  ] as const)("%s: prints calls/s and keeps every account within its limit", async (label, enableAutoPipelining) => {
    const conn = createRedis("client", undefined, { enableAutoPipelining });
    conns.push(conn);
    await conn.ping();
    const { perSecond, grants } = await measure(conn, label);
    expect(perSecond).toBeGreaterThan(0);
    expect(grants.size).toBe(ACCOUNTS);
    for (const times of grants.values()) expect(exceedsInAnyWindow(times, 100, 1_000_000)).toBe(false);
  });
});

import type { Redis } from "ioredis";
import type { AcquireInput, AcquireResult } from "@/lib/outbound/rate-limit";

export type HammerResult = { granted: number[]; attempts: number; errors: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `loops` concurrent callers per connection, each calling acquire until `deadline` (epoch ms).
 * A refused caller waits min(retryAfter, a few random ms): it keeps hammering the boundary
 * instead of politely sleeping past it, which is the race the limiter must win.
 */
export async function hammer(
  conns: Redis[],
  loops: number,
  deadline: number,
  input: () => AcquireInput,
  acquireFn: (r: Redis, i: AcquireInput) => Promise<AcquireResult>,
): Promise<HammerResult> {
  const out: HammerResult = { granted: [], attempts: 0, errors: 0 };
  const loop = async (conn: Redis) => {
    while (Date.now() < deadline) {
      out.attempts++;
      try {
        const r = await acquireFn(conn, input());
        if (r.ok) out.granted.push(r.atUs);
        else await sleep(Math.min(r.retryAfterMs, 1 + Math.random() * 8));
      } catch {
        out.errors++;
        await sleep(5);
      }
    }
  };
  await Promise.all(conns.flatMap((c) => Array.from({ length: loops }, () => loop(c))));
  return out;
}

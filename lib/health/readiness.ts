import type { Redis } from "ioredis";
import type { BaseClient } from "@/lib/db";

export type DependencyCheck = { ok: boolean; latencyMs: number; error?: string };
export type Readiness = { ok: boolean; checks: Record<string, DependencyCheck> };

const TIMEOUT_MS = 2_000;

async function timed(fn: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    // The message names the failure (refused, timeout) without leaking connection strings.
    const message = err instanceof Error ? err.message.replace(/\/\/[^@\s]*@/g, "//***@") : "unknown error";
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** A fail-fast connection refuses commands until it is connected, so wait for that first. */
async function pingRedis(r: Redis): Promise<void> {
  if (r.status !== "ready") {
    await new Promise<void>((resolve, reject) => {
      const onReady = () => (cleanup(), resolve());
      const onError = (err: Error) => (cleanup(), reject(err));
      const cleanup = () => (r.off("ready", onReady), r.off("error", onError));
      r.once("ready", onReady);
      r.once("error", onError);
    });
  }
  await r.ping();
}

/**
 * Checks the dependencies a process cannot serve without: the MySQL primary and Redis. Read
 * replicas are reported but never fail readiness, because reads degrade to the primary.
 */
export async function checkReadiness(deps: {
  primary: BaseClient;
  replicas?: BaseClient[];
  redis: Redis;
}): Promise<Readiness> {
  const [mysql, redis, ...replicas] = await Promise.all([
    timed(() => deps.primary.$queryRawUnsafe("SELECT 1")),
    timed(() => pingRedis(deps.redis)),
    ...(deps.replicas ?? []).map((r) => timed(() => r.$queryRawUnsafe("SELECT 1"))),
  ]);
  const checks: Record<string, DependencyCheck> = { mysql: mysql!, redis: redis! };
  replicas.forEach((r, i) => (checks[`mysql_replica_${i + 1}`] = r));
  return { ok: mysql!.ok && redis!.ok, checks };
}

import { primary } from "@/lib/db";
import { clients } from "@/lib/db/internal/clients";
import { redis } from "@/lib/redis";
import { checkReadiness, type Readiness } from "./readiness";

/** The web tier's readiness: MySQL primary (and replicas, reported) and Redis. */
export function webReadiness(): Promise<Readiness> {
  return checkReadiness({ primary: primary(), replicas: clients().replicas, redis: redis() });
}

export function readinessResponse(r: Readiness, extra: Record<string, unknown> = {}): Response {
  const failed = Object.entries(r.checks)
    .filter(([, c]) => !c.ok)
    .map(([name]) => name);
  return Response.json(
    { status: r.ok ? "ok" : "unavailable", ...(failed.length ? { failed } : {}), checks: r.checks, ...extra },
    { status: r.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

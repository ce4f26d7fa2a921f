import { primary } from "@/lib/db";
import { REFRESH_MIN_AGE_MS, REFRESH_WITHIN_MS } from "./connect-config";

/**
 * Conditions for "this token should be refreshed now" (reference §4.1 step 5): held by an
 * account that still uses it, at least 24 h old (Meta refuses younger ones), expiring within
 * 10 days. Already-expired tokens match too: their job turns the account to reconnect_required.
 */
export function tokenDueWhere(now: Date) {
  return {
    status: { in: ["active" as const, "paused" as const] },
    accessTokenCiphertext: { not: null },
    tokenIssuedAt: { lte: new Date(now.getTime() - REFRESH_MIN_AGE_MS) },
    tokenExpiresAt: { lte: new Date(now.getTime() + REFRESH_WITHIN_MS) },
  };
}

/**
 * The sweep's global scan, one page at a time in id order: only ids and tenants leave here,
 * each refresh then runs inside its own workspace's scope.
 */
export async function findTokensDue(now: Date, after: string | undefined, take = 500): Promise<{ id: string; tenantId: string }[]> {
  return primary().instagramAccount.findMany({
    where: { ...tokenDueWhere(now), ...(after ? { id: { gt: after } } : {}) },
    select: { id: true, tenantId: true },
    orderBy: { id: "asc" },
    take,
  });
}

import { getDb, primary } from "@/lib/db";
import { sha256Hex } from "@/lib/security/tokens";
import type { ApiKeyPrincipal, TenantInfo } from "@/lib/tenancy/context";
import { isApiKeyFormat, parseScopes } from "./key-format";

const TOUCH_INTERVAL_MS = 60_000;

/**
 * A bearer token → the key and its workspace, or null for anything not a live key (unknown,
 * revoked, expired, workspace deleted). The lookup is by SHA-256, across tenants by nature:
 * the key is what names the tenant. `lastUsedAt` is written at most once a minute per key, so
 * a busy integration does not turn every read into a write.
 */
export async function authenticateApiKey(token: string, now = new Date()): Promise<{ apiKey: ApiKeyPrincipal; tenant: TenantInfo } | null> {
  if (!isApiKeyFormat(token)) return null;
  const row = await primary().apiKey.findUnique({
    where: { hashedKey: sha256Hex(token) },
    include: { tenant: { select: { id: true, slug: true, name: true, planId: true, status: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.tenant.status === "deleted") return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    const stale = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    // Conditional, so concurrent requests from one key write once.
    await getDb(row.tenantId).db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { apiKey: { id: row.id, name: row.name, prefix: row.prefix, scopes: parseScopes(row.scopes) }, tenant: row.tenant };
}

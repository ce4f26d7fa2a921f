import { parseScopes } from "./key-format";

type Row = {
  id: string;
  name: string;
  prefix: string;
  scopes: unknown;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

/** How an API key looks to API clients and the dashboard: never the key or its hash. */
export function presentApiKey(row: Row, now = new Date()) {
  const status = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    status,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
export type PresentedApiKey = ReturnType<typeof presentApiKey>;

import { decryptToken } from "@/lib/crypto/token-cipher";
import { env } from "@/lib/env";
import { limitsFor, type AccountLimits } from "@/lib/outbound/rate-limit";
import { TENANT, tenantSql } from "../sql/tenant-sql";
import { TtlCache } from "./ttl-cache";

/**
 * What workers need of an Instagram account on every event and send: status, limits and the
 * decrypted token, cached in process for ACCOUNT_CACHE_TTL_MS (≤ 60 s) so the hot path never
 * reads MySQL or runs AES per send. A worker that sees a 190 drops the entry at once.
 */
export type PipelineAccount = {
  id: string;
  tenantId: string;
  igUserId: string;
  username: string;
  status: "active" | "reconnect_required" | "paused" | "disconnected";
  limits: AccountLimits;
  /** Decrypted access token; null when the account has none (never connected, or wiped). */
  token: string | null;
};

const cache = new TtlCache<PipelineAccount | null>(() => env().ACCOUNT_CACHE_TTL_MS);

type Row = {
  id: string;
  tenantId: string;
  igUserId: string;
  username: string;
  status: PipelineAccount["status"];
  accessTokenCiphertext: string | null;
  sendPerSecond: number;
  mediaSendPerSecond: number;
  privateRepliesPerHour: number;
  commentRepliesPerHour: number;
  conversationsPerSecond: number;
};

// Raw SQL on the driver pool: with a thousand accounts each cache refresh is a thousand loads,
// and through Prisma's engine every one cost ten times the driver's CPU.
async function load(tenantId: string, accountId: string): Promise<PipelineAccount | null> {
  const [row] = await tenantSql(tenantId).query<Row>`SELECT id, tenantId, igUserId, username, status, accessTokenCiphertext,
      sendPerSecond, mediaSendPerSecond, privateRepliesPerHour, commentRepliesPerHour, conversationsPerSecond
    FROM InstagramAccount WHERE tenantId = ${TENANT} AND id = ${accountId}`;
  if (!row) return null;
  return {
    id: row.id,
    tenantId: row.tenantId,
    igUserId: row.igUserId,
    username: row.username,
    status: row.status,
    limits: limitsFor(row),
    token: row.accessTokenCiphertext ? decryptToken(env().TOKEN_ENCRYPTION_KEYS, row.accessTokenCiphertext) : null,
  };
}

export const accountCache = {
  get: (tenantId: string, accountId: string) => cache.get(`${tenantId}:${accountId}`, () => load(tenantId, accountId)),
  forget: (tenantId: string, accountId: string) => cache.delete(`${tenantId}:${accountId}`),
};

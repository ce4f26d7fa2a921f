import type { TDirectoryEntry } from "../account-directory";

type AccountStatus = TDirectoryEntry["status"];

/**
 * An Instagram account as the API and the dashboard show it. The token columns are never
 * selected (ACCOUNT_SELECT), so no code path can hand one out by accident.
 */
export const ACCOUNT_SELECT = {
  id: true,
  igUserId: true,
  username: true,
  name: true,
  profilePictureUrl: true,
  status: true,
  tokenIssuedAt: true,
  tokenExpiresAt: true,
  grantedScopes: true,
  subscribedFields: true,
  sendPerSecond: true,
  mediaSendPerSecond: true,
  privateRepliesPerHour: true,
  commentRepliesPerHour: true,
  conversationsPerSecond: true,
  lastWebhookAt: true,
  lastErrorCode: true,
  lastErrorSubcode: true,
  lastErrorAt: true,
  connectedAt: true,
  disconnectedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = {
  id: string;
  igUserId: string;
  username: string;
  name: string | null;
  profilePictureUrl: string | null;
  status: AccountStatus;
  tokenIssuedAt: Date | null;
  tokenExpiresAt: Date | null;
  grantedScopes: string | null;
  subscribedFields: unknown;
  sendPerSecond: number;
  mediaSendPerSecond: number;
  privateRepliesPerHour: number;
  commentRepliesPerHour: number;
  conversationsPerSecond: number;
  lastWebhookAt: Date | null;
  lastErrorCode: number | null;
  lastErrorSubcode: number | null;
  lastErrorAt: Date | null;
  connectedAt: Date;
  disconnectedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function presentAccount(row: Row) {
  return {
    id: row.id,
    igUserId: row.igUserId,
    username: row.username,
    name: row.name,
    profilePictureUrl: row.profilePictureUrl,
    status: row.status,
    token: { issuedAt: iso(row.tokenIssuedAt), expiresAt: iso(row.tokenExpiresAt) },
    grantedScopes: row.grantedScopes ? row.grantedScopes.split(",").filter(Boolean) : [],
    webhookFields: stringList(row.subscribedFields),
    lastWebhookAt: iso(row.lastWebhookAt),
    lastError: row.lastErrorCode === null ? null : { code: row.lastErrorCode, subcode: row.lastErrorSubcode, at: iso(row.lastErrorAt) },
    limits: {
      sendPerSecond: row.sendPerSecond,
      mediaSendPerSecond: row.mediaSendPerSecond,
      privateRepliesPerHour: row.privateRepliesPerHour,
      commentRepliesPerHour: row.commentRepliesPerHour,
      conversationsPerSecond: row.conversationsPerSecond,
    },
    connectedAt: row.connectedAt.toISOString(),
    disconnectedAt: iso(row.disconnectedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedAccount = ReturnType<typeof presentAccount>;

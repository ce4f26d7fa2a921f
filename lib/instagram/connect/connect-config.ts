/**
 * What Replyflow asks Instagram for, and when tokens are renewed. One place, so the connect
 * flow, the subscription re-check and the refresh job can never disagree.
 */

/** Instagram Login scopes (reference §4.4): profile, DMs and private replies, comments and replies. */
export const CONNECT_SCOPES = [
  "instagram_business_basic",
  "instagram_business_manage_messages",
  "instagram_business_manage_comments",
] as const;

/**
 * Webhook fields every connected account is subscribed to: exactly those the ingest path
 * normalises (lib/ingest/normalize-webhook.ts). Meta fails the whole call on one unknown name,
 * so only the canonical spellings are used.
 */
export const WEBHOOK_FIELDS = [
  "comments",
  "live_comments",
  "messages",
  "messaging_postbacks",
  "messaging_referral",
  "message_reactions",
  "messaging_seen",
  "message_edit",
] as const;

/** Meta refreshes only tokens at least this old (reference §4.1 step 5). */
export const REFRESH_MIN_AGE_MS = 24 * 3_600_000;
/** Refresh once a token is this close to expiring (Chatwoot's rule, reference §4.1). */
export const REFRESH_WITHIN_MS = 10 * 86_400_000;
/** How long a started connection may take before its state expires. */
export const CONNECT_STATE_TTL_MS = 10 * 60_000;

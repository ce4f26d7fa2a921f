/**
 * Meta's per-account call classes (reference §3.1) and the limits an account row carries.
 * Every class is its own sliding window. A call acquires the one class Meta counts it under:
 * text DMs and sender actions `send`, audio/video `send_media`, comment → DM `private_reply`,
 * public comment replies `comment_reply`, Conversations API reads `conversations`.
 */
export const RATE_CLASSES = ["send", "send_media", "private_reply", "comment_reply", "conversations"] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

export type LimitSpec = { limit: number; windowMs: number };
export type AccountLimits = Record<RateClass, LimitSpec>;

const SECOND = 1_000;
const HOUR = 3_600_000;

/** The `InstagramAccount` columns that override Meta's defaults (null/absent means default). */
export type AccountLimitColumns = {
  sendPerSecond?: number | null;
  mediaSendPerSecond?: number | null;
  privateRepliesPerHour?: number | null;
  commentRepliesPerHour?: number | null;
  conversationsPerSecond?: number | null;
};

/** Reference §3.1: design for 100/s text (the IG Login figure, not Messenger's 300/s). */
export const DEFAULT_LIMITS: AccountLimits = {
  send: { limit: 100, windowMs: SECOND },
  send_media: { limit: 10, windowMs: SECOND },
  private_reply: { limit: 750, windowMs: HOUR },
  comment_reply: { limit: 600, windowMs: HOUR },
  conversations: { limit: 2, windowMs: SECOND },
};

const COLUMN_OF: Record<RateClass, keyof AccountLimitColumns> = {
  send: "sendPerSecond",
  send_media: "mediaSendPerSecond",
  private_reply: "privateRepliesPerHour",
  comment_reply: "commentRepliesPerHour",
  conversations: "conversationsPerSecond",
};

/**
 * `{class → {limit, windowMs}}` for one account. A column that is not a positive integer falls
 * back to the default rather than to 0: a broken override must never silently stop an account
 * (pausing is what `cooldown()` is for) nor lift its limit.
 */
export function limitsFor(row: AccountLimitColumns): AccountLimits {
  const out = {} as AccountLimits;
  for (const cls of RATE_CLASSES) {
    const value = row[COLUMN_OF[cls]];
    const limit = typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : DEFAULT_LIMITS[cls].limit;
    out[cls] = { limit, windowMs: DEFAULT_LIMITS[cls].windowMs };
  }
  return out;
}

/**
 * Meta counts a call when it arrives, we count it when Redis grants it. Two grants exactly W
 * apart can land less than W apart at Meta when the first request is slower on the wire than
 * the second, which Meta counts as both in one window. Padding every window by the worst
 * plausible difference in grant-to-arrival delay (loopback + TLS + Meta's edge: tens of ms)
 * removes that race at a cost of 2.4 % of a 1-second budget and ~0 of an hourly one. The
 * spread is absolute, not proportional to W, so the same margin serves every window; it holds
 * only when `acquire` is the last step before the HTTP request (no DB work in between).
 * This is the floor for callers that pass none; the outbound pipeline passes
 * OUTBOUND_RATE_MARGIN_MS (100 ms by default: 25 ms was overrun on a loaded 2-core machine).
 */
export const WINDOW_MARGIN_MS = 25;

export function paddedWindowMs(windowMs: number, marginMs = WINDOW_MARGIN_MS): number {
  return windowMs + marginMs;
}

/**
 * Classes that adapt to `X-Business-Use-Case-Usage`. Meta reports that header per business
 * object (the account), not per endpoint, and says nothing on whether `/messages` carries it
 * (reference §3.2), so every class backs off when the account's usage is high. Drop a class
 * here to make it ignore the header.
 */
export const ADAPTIVE_CLASSES: ReadonlySet<RateClass> = new Set(RATE_CLASSES);

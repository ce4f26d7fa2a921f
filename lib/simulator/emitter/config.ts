import { z } from "zod";

/**
 * Webhook fields an Instagram Login app can select, as `subscribed_apps` accepts them. Meta's
 * pages disagree on a few names (reference §1.8), so both spellings are accepted and an event
 * is delivered when either spelling is subscribed.
 */
export const WEBHOOK_FIELDS = [
  "comments",
  "live_comments",
  "messages",
  "messaging_postbacks",
  "messaging_optins",
  "messaging_referral",
  "messaging_referrals",
  "messaging_seen",
  "message_reactions",
  "messaging_reactions",
  "message_edit",
  "message_edits",
  "messaging_handover",
  "standby",
] as const;
export type WebhookField = (typeof WEBHOOK_FIELDS)[number];

/** The field an event belongs to, and the other spellings that also subscribe to it. */
export const FIELD_ALIASES: Record<string, readonly string[]> = {
  messaging_referral: ["messaging_referral", "messaging_referrals"],
  message_reactions: ["message_reactions", "messaging_reactions"],
  message_edit: ["message_edit", "message_edits"],
};

export function fieldSpellings(field: string): readonly string[] {
  return FIELD_ALIASES[field] ?? [field];
}

const RETRY_PRESETS = {
  // Meta: "immediately, then a few more times with decreasing frequency over 36 hours".
  meta: {
    delaysMs: [0, 10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000],
    horizonMs: 36 * 3_600_000,
  },
  // Same shape, squeezed into a few seconds so tests can watch a full retry cycle.
  compressed: { delaysMs: [0, 20, 50, 100, 200, 400, 800], horizonMs: 5_000 },
} as const;

export const ZRetryConfig = z
  .object({
    preset: z.enum(["meta", "compressed"]).optional(),
    /** Delay before the n-th retry; the last one repeats until the horizon. */
    delaysMs: z.array(z.number().int().min(0).max(86_400_000)).min(1).max(100).optional(),
    /** Give up (count as failed) once a batch has been failing for this long. */
    horizonMs: z.number().int().min(0).max(7 * 86_400_000).optional(),
  })
  .strict()
  .transform((r) => {
    const preset = RETRY_PRESETS[r.preset ?? "meta"];
    return { delaysMs: r.delaysMs ?? [...preset.delaysMs], horizonMs: r.horizonMs ?? preset.horizonMs };
  });

export const ZEmitterConfig = z.object({
  callbackUrl: z.string().url().nullable().default(null),
  verifyToken: z.string().min(1).default("sim-verify-token"),
  /** Fields selected for the app in the dashboard; accounts must also subscribe via subscribed_apps. */
  appFields: z.array(z.enum(WEBHOOK_FIELDS)).default([...WEBHOOK_FIELDS]),
  /** Items per POST (Meta batches up to 1000). */
  maxBatch: z.number().int().min(1).max(1_000).default(50),
  /** How long the first queued item waits for company before its batch is sent. */
  lingerMs: z.number().int().min(0).max(10_000).default(5),
  /** A delivery slower than this counts as failed and is retried (Meta: 5 s, up to 20 s). */
  timeoutMs: z.number().int().min(1).max(20_000).default(5_000),
  maxInFlight: z.number().int().min(1).max(256).default(8),
  /** Items waiting beyond this are dropped (and counted) instead of growing memory. */
  maxQueue: z.number().int().min(1).max(10_000_000).default(100_000),
  retry: ZRetryConfig.prefault({}),
  duplicateProbability: z.number().min(0).max(1).default(0),
  /** Probability that a batch's items and entries are shuffled before sending. */
  reorderProbability: z.number().min(0).max(1).default(0),
  delayProbability: z.number().min(0).max(1).default(0),
  delayMs: z.number().int().min(0).max(600_000).default(0),
  /** `changes[]` (seen in practice) or the flat `entry.field`/`entry.value` form (documented). */
  commentEnvelope: z.enum(["changes", "flat"]).default("changes"),
  /** Meta escapes `/` as `\/` as well as non-ASCII; both break receivers that re-serialise. */
  escapeSlashes: z.boolean().default(true),
  /** Messenger regime: unsubscribe an account after its deliveries failed this long (null = never). */
  unsubscribeAfterMs: z.number().int().min(1).nullable().default(null),
});
export type EmitterConfig = z.infer<typeof ZEmitterConfig>;
export type EmitterConfigInput = z.input<typeof ZEmitterConfig>;
export const ZEmitterConfigPatch = ZEmitterConfig.partial().strict();

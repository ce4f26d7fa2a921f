import { z } from "zod";
import { WEBHOOK_FIELDS, ZEmitterConfig } from "./emitter/config";

/** The rate-limit classes Meta documents for an Instagram professional account (reference §3.1). */
export const RATE_CLASSES = ["sendText", "sendMedia", "privateReply", "privateReplyLive", "conversations", "buc"] as const;
export type RateClass = (typeof RATE_CLASSES)[number];
/** Classes whose excess is answered with 613; everything else is BUC and answers 80002. */
export const MESSAGING_CLASSES: ReadonlySet<RateClass> = new Set(["sendText", "sendMedia", "privateReply", "privateReplyLive", "conversations"]);

export const ZLimitSpec = z.object({
  limit: z.number().int().min(1).max(100_000_000),
  windowMs: z.number().int().min(1).max(7 * 86_400_000),
});
export type LimitSpec = z.infer<typeof ZLimitSpec>;
export type AccountLimits = Record<RateClass, LimitSpec>;

export const DEFAULT_LIMITS: AccountLimits = {
  sendText: { limit: 100, windowMs: 1_000 },
  sendMedia: { limit: 10, windowMs: 1_000 },
  privateReply: { limit: 750, windowMs: 3_600_000 },
  privateReplyLive: { limit: 100, windowMs: 1_000 },
  conversations: { limit: 2, windowMs: 1_000 },
  // 4800 × impressions per rolling 24 h; 1,000 impressions is a modest business account.
  buc: { limit: 4_800_000, windowMs: 86_400_000 },
};

export const ZLimitsPatch = z
  .object(Object.fromEntries(RATE_CLASSES.map((c) => [c, ZLimitSpec.optional()])) as Record<RateClass, z.ZodOptional<typeof ZLimitSpec>>)
  .strict();
export type TLimitsPatch = z.infer<typeof ZLimitsPatch>;

export const GRAPH_VERSIONS = ["v21.0", "v22.0", "v23.0", "v24.0", "v25.0", "v26.0"];

/** Settings an admin call may change while the simulator runs. */
export const ZRuntimeConfig = z.object({
  /** Language of error `message` texts; codes never change. */
  locale: z.enum(["en", "ja"]).default("en"),
  /** Code exchange answer: documented `{"data":[…]}` or the flat shape real responses often have. */
  oauthResponseShape: z.enum(["wrapped", "flat"]).default("wrapped"),
  /** api.instagram.com errors: Instagram's `{error_type,code:400,error_message}` or Graph's envelope. */
  oauthErrorStyle: z.enum(["instagram", "graph"]).default("instagram"),
  /** The account that "logs in" on /oauth/authorize; null means the configured test account. */
  oauthAccountId: z.string().min(1).nullable().default(null),
  /** Make the consent screen answer "user denied" instead of issuing a code. */
  oauthDeny: z.boolean().default(false),
  requireAppsecretProof: z.boolean().default(false),
  redirectUris: z.array(z.string().url()).default([]),
  supportedVersions: z.array(z.string().regex(/^v\d+\.\d+$/)).min(1).default(GRAPH_VERSIONS),
  /** Usage headers appear once any tracked usage reaches this percentage ("after enough calls"). */
  usageHeaderThresholdPct: z.number().min(0).max(100).default(10),
  /** App-level budget (code 4, X-App-Usage) across every account. */
  appLimit: ZLimitSpec.default({ limit: 10_000_000, windowMs: 3_600_000 }),
  /** Limits given to accounts created without their own. */
  defaultLimits: ZLimitsPatch.default({}),
  deauthorizeUrl: z.string().url().nullable().default(null),
  dataDeletionUrl: z.string().url().nullable().default(null),
});
export type RuntimeConfig = z.infer<typeof ZRuntimeConfig>;
export const ZRuntimeConfigPatch = ZRuntimeConfig.partial().strict();
export type TRuntimeConfigPatch = z.infer<typeof ZRuntimeConfigPatch>;

export const ZCaps = z.object({
  /** Send records kept for queries (oldest evicted first; totals keep counting). */
  sends: z.number().int().min(100).max(10_000_000).default(100_000),
  /** DM messages kept for conversations, reactions and `/{mid}` reads. */
  messages: z.number().int().min(100).max(10_000_000).default(50_000),
  comments: z.number().int().min(100).max(10_000_000).default(200_000),
  violationSamples: z.number().int().min(10).max(100_000).default(1_000),
  bodyBytes: z.number().int().min(1_024).max(16 * 1024 * 1024).default(1024 * 1024),
});
export type Caps = z.infer<typeof ZCaps>;

export const ZTestAccount = z.object({
  id: z.string().regex(/^\d{5,25}$/).default("17841400000000001"),
  username: z.string().min(1).max(30).default("replyflow_demo"),
  name: z.string().max(100).default("Replyflow Demo"),
  /** A fixed long-lived token (e.g. for `.env`); otherwise one is issued at start. */
  token: z.string().min(16).optional(),
  subscribedFields: z.array(z.enum(WEBHOOK_FIELDS)).default([]),
});

export const ZSimulatorOptions = ZRuntimeConfig.extend({
  host: z.string().default("127.0.0.1"),
  port: z.number().int().min(0).max(65_535).default(0),
  /** Instagram app id: the OAuth client_id. */
  appId: z.string().min(1).default("1000000000000001"),
  /** Instagram app secret: client_secret, appsecret_proof and webhook signatures. */
  instagramAppSecret: z.string().min(8).default("sim-instagram-app-secret"),
  /** Meta app secret (Facebook Login flavour); used for signed_request when chosen below. */
  appSecret: z.string().min(8).default("sim-meta-app-secret"),
  signedRequestSecret: z.enum(["instagram", "meta"]).default("instagram"),
  seed: z.number().int().optional(),
  caps: ZCaps.prefault({}),
  testAccount: ZTestAccount.nullable().prefault({}),
  webhooks: ZEmitterConfig.prefault({}),
});
export type SimulatorOptions = z.infer<typeof ZSimulatorOptions>;
export type SimulatorOptionsInput = z.input<typeof ZSimulatorOptions>;

/**
 * zod fills defaults even inside `.partial()`, which would make every patch reset the fields
 * it did not mention. Keep only the keys the caller actually sent.
 */
export function onlyGiven<T extends object>(parsed: T, raw: unknown): Partial<T> {
  const out: Partial<T> = {};
  if (raw && typeof raw === "object") {
    for (const key of Object.keys(raw) as (keyof T)[]) if (key in parsed) out[key] = parsed[key];
  }
  return out;
}

export function resolveLimits(...patches: (TLimitsPatch | undefined)[]): AccountLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const patch of patches) {
    if (!patch) continue;
    for (const cls of RATE_CLASSES) {
      const spec = patch[cls];
      if (spec) limits[cls] = spec;
    }
  }
  return limits;
}

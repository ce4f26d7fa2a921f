import { z } from "zod";
import { WEBHOOK_FIELDS } from "./emitter";
import { ZLimitsPatch } from "./options";
import { SEND_KINDS } from "./send-record";
import { INSTAGRAM_SCOPES, TOKEN_STATES } from "./tokens";

/** Inputs of the admin API, shared by the HTTP endpoints and the in-process calls. */
const scope = z.string().refine((s) => INSTAGRAM_SCOPES.includes(s), { message: `must be one of ${INSTAGRAM_SCOPES.join(", ")}` });
const numericId = z.string().regex(/^\d{5,25}$/, "must be a numeric id string");
const field = z.enum(WEBHOOK_FIELDS);

export const ZAccountInput = z
  .object({
    id: numericId.optional(),
    username: z.string().min(1).max(30).optional(),
    name: z.string().max(100).optional(),
    accountType: z.enum(["BUSINESS", "MEDIA_CREATOR"]).default("BUSINESS"),
    followersCount: z.number().int().min(0).default(1_000),
    dmsEnabled: z.boolean().default(true),
    humanAgent: z.boolean().default(false),
    /** Scopes granted on consent and given to the token issued here (default: all). */
    grantScopes: z.array(scope).optional(),
    limits: ZLimitsPatch.optional(),
    subscribedFields: z.array(field).default([]),
    /** A fixed token string; otherwise one is generated. */
    token: z.string().min(16).optional(),
    tokenKind: z.enum(["short", "long"]).default("long"),
    /** Issue the token this long ago (e.g. ≥ 24 h so it can be refreshed at once). */
    tokenAgeMs: z.number().int().min(0).max(365 * 86_400_000).default(0),
  })
  .strict();
export type TAccountInput = z.input<typeof ZAccountInput>;

export const ZAccountPatch = z
  .object({
    username: z.string().min(1).max(30),
    name: z.string().max(100),
    accountType: z.enum(["BUSINESS", "MEDIA_CREATOR"]),
    followersCount: z.number().int().min(0),
    dmsEnabled: z.boolean(),
    humanAgent: z.boolean(),
    grantScopes: z.array(scope),
    subscribedFields: z.array(field),
  })
  .partial()
  .strict();
export type TAccountPatch = z.input<typeof ZAccountPatch>;

export const ZTokenInput = z
  .object({
    kind: z.enum(["short", "long"]).default("long"),
    ageMs: z.number().int().min(0).max(365 * 86_400_000).default(0),
    scopes: z.array(scope).optional(),
    token: z.string().min(16).optional(),
  })
  .strict();
export type TTokenInput = z.input<typeof ZTokenInput>;

/** `expired` moves the expiry to now; the others are revocation states (see tokens.ts). */
export const ZTokenState = z.enum([...TOKEN_STATES, "expired"]);
export type TTokenState = z.infer<typeof ZTokenState>;

const userFields = {
  username: z.string().min(1).max(30),
  name: z.string().max(100).nullable(),
  profilePic: z.string().url().nullable(),
  followerCount: z.number().int().min(0),
  isVerified: z.boolean(),
  followsBusiness: z.boolean(),
  businessFollowsUser: z.boolean(),
  blocked: z.boolean(),
  threadOwner: z.enum(["us", "other"]),
  consent: z.boolean(),
};

export const ZUserInput = z
  .object({
    accountId: z.string().min(1),
    igsid: z.string().regex(/^\d{5,25}$/).optional(),
    username: userFields.username.optional(),
    name: userFields.name.default(null),
    profilePic: userFields.profilePic.default(null),
    followerCount: userFields.followerCount.default(0),
    isVerified: userFields.isVerified.default(false),
    followsBusiness: userFields.followsBusiness.default(false),
    businessFollowsUser: userFields.businessFollowsUser.default(false),
    blocked: userFields.blocked.default(false),
    threadOwner: userFields.threadOwner.default("us"),
    consent: userFields.consent.default(false),
  })
  .strict();
export type TUserInput = z.input<typeof ZUserInput>;

export const ZUserPatch = z.object(userFields).partial().strict();
export type TUserPatch = z.input<typeof ZUserPatch>;

export const ZMediaInput = z
  .object({
    accountId: z.string().min(1),
    id: numericId.optional(),
    productType: z.enum(["FEED", "REELS", "STORY", "AD"]).default("FEED"),
    caption: z.string().max(2_200).default(""),
    live: z.boolean().default(false),
    liveActive: z.boolean().optional(),
    ad: z.object({ adId: z.string().min(1), adTitle: z.string().min(1) }).strict().optional(),
  })
  .strict();
export type TMediaInput = z.input<typeof ZMediaInput>;

export const ZMediaPatch = z.object({ liveActive: z.boolean(), caption: z.string().max(2_200) }).partial().strict();
export type TMediaPatch = z.input<typeof ZMediaPatch>;

export const ZClockInput = z.object({ advanceMs: z.number().int().min(0).max(10 * 365 * 86_400_000) }).strict();

export const ZThrottleInput = z
  .object({ seconds: z.number().min(0.001).max(86_400), scope: z.enum(["messaging", "buc", "all"]).default("all") })
  .strict();

export const ZSendsQuery = z
  .object({
    account: z.string().min(1).optional(),
    recipient: z.string().min(1).optional(),
    comment_id: z.string().min(1).optional(),
    kind: z
      .string()
      .transform((v) => v.split(",").map((k) => k.trim()))
      .pipe(z.array(z.enum(SEND_KINDS)))
      .optional(),
    since: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  })
  .strict();

export const ZCallbackInput = z.object({ accountId: z.string().min(1), url: z.string().url().optional() }).strict();
export const ZVerifyInput = z.object({ verifyToken: z.string().min(1).optional(), callbackUrl: z.string().url().optional() }).strict();
export const ZTestWebhookInput = z.object({ field: field.default("messages") }).strict();
export const ZScenarioRunInput = z
  .object({ name: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}), wait: z.boolean().default(false) })
  .strict();

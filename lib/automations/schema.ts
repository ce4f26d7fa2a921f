import { z } from "zod";
import { collectDefinitionIssues } from "./definition-rules";
import { MAX_DELAY_SECONDS } from "./limits";
import { normalizeText } from "./normalize-text";
import { validateTemplate } from "./render-template";
import { ALLOW_LOCALHOST_WEBHOOKS, isAllowedWebhookUrl } from "./webhook-url";

/**
 * Automation definitions: one set of schemas for the API, the dashboard builder and job
 * payloads. Structural limits come from Instagram (reference/instagram-platform.md §2);
 * cross-field rules (which actions fit which trigger, the 24-hour window) live in
 * definition-rules.ts and are enforced here as errors, with warnings available separately.
 */

const ZId = z.string().trim().min(1).max(64);
/** Instagram cuts quick-reply and button titles after 20 characters (code points, not bytes). */
const ZTitle = z
  .string()
  .trim()
  .min(1)
  .refine((s) => Array.from(s).length <= 20, "Must be at most 20 characters");

function isHttpsUrl(raw: string): boolean {
  try {
    return new URL(raw).protocol === "https:";
  } catch {
    return false;
  }
}
const ZHttpsUrl = z.string().trim().max(2_000).refine(isHttpsUrl, "Must be an https:// URL");

function templateString(maxChars: number) {
  return z
    .string()
    .min(1)
    .max(maxChars)
    .superRefine((tpl, ctx) => {
      for (const issue of validateTemplate(tpl)) ctx.addIssue({ code: "custom", message: issue.message });
    });
}

/** A keyword that still says something after normalisation ("️" alone would match nothing). */
const ZKeyword = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => normalizeText(s).length > 0, "Keyword is empty once spaces and invisible characters are removed");

// ───────────── triggers ─────────────

export const ZPostSelection = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("any") }),
  z.object({ mode: z.literal("selected"), mediaIds: z.array(ZId).min(1).max(100) }),
  z.object({
    mode: z.literal("next_post"),
    /** Posts published after this instant (epoch ms) qualify; defaults to the automation's creation. */
    armedAt: z.number().int().nonnegative().optional(),
    /** Set by the system once the next post has appeared; from then on only that post counts. */
    boundMediaId: ZId.optional(),
  }),
]);
export type TPostSelection = z.infer<typeof ZPostSelection>;

export const ZTrigger = z.discriminatedUnion("type", [
  z.object({ type: z.literal("comment"), posts: ZPostSelection, includeReplies: z.boolean().default(false) }),
  z.object({ type: z.literal("live_comment") }),
  z.object({ type: z.literal("dm_keyword") }),
  /** Fallback: answers a DM only when no other DM automation matched. */
  z.object({ type: z.literal("dm_any") }),
  z.object({ type: z.literal("story_reply"), storyIds: z.array(ZId).max(100).optional() }),
  z.object({ type: z.literal("story_mention") }),
  /** Welcome: the first DM from a contact the account has never heard from. */
  z.object({ type: z.literal("first_dm") }),
  /** Ice breakers, buttons, persistent menu and quick replies, matched by exact payload. */
  z.object({ type: z.literal("postback"), payloads: z.array(z.string().trim().min(1).max(1_000)).min(1).max(50) }),
  /** ig.me/<account>?ref=… links; an empty list accepts any ref. Case-insensitive. */
  z.object({ type: z.literal("referral"), refs: z.array(z.string().trim().min(1).max(250)).max(50).default([]) }),
]);
export type TTrigger = z.infer<typeof ZTrigger>;
export type TTriggerType = TTrigger["type"];

// ───────────── conditions ─────────────

export const ZKeywordMode = z.enum(["contains_word", "contains", "exact", "starts_with", "any"]);
export type TKeywordMode = z.infer<typeof ZKeywordMode>;

export const ZKeywordRule = z
  .object({ mode: ZKeywordMode, values: z.array(ZKeyword).max(50).default([]) })
  .refine((r) => r.mode === "any" || r.values.length > 0, { message: "Add at least one keyword, or match any text", path: ["values"] });
export type TKeywordRule = z.infer<typeof ZKeywordRule>;

const ZHhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM");
export const ZActiveHours = z.object({
  days: z
    .array(z.number().int().min(0).max(6))
    .min(1)
    .max(7)
    .refine((d) => new Set(d).size === d.length, "Each day only once"),
  /** Inclusive; in the tenant's time zone. */
  start: ZHhMm,
  /** Exclusive; before `start` means overnight, equal to `start` means all day. */
  end: ZHhMm,
});
export type TActiveHours = z.infer<typeof ZActiveHours>;

export const ZReentry = z.discriminatedUnion("policy", [
  z.object({ policy: z.literal("once_per_contact") }),
  z.object({ policy: z.literal("once_per_post") }),
  z.object({ policy: z.literal("cooldown"), minutes: z.number().int().min(1).max(525_600) }),
  z.object({ policy: z.literal("always") }),
]);
export type TReentry = z.infer<typeof ZReentry>;

export const ZAudience = z.enum(["all", "new", "returning"]);
export type TAudience = z.infer<typeof ZAudience>;

export const ZConditions = z.object({
  keywords: ZKeywordRule.default({ mode: "any", values: [] }),
  excludeKeywords: z.array(ZKeyword).max(50).default([]),
  activeHours: ZActiveHours.optional(),
  // "Every time it matches" is the literal reading of an automation; the builder presets a
  // stricter policy per trigger (e.g. once per post for comment giveaways).
  reentry: ZReentry.default({ policy: "always" }),
  audience: ZAudience.default("all"),
});
export type TConditions = z.infer<typeof ZConditions>;

// ───────────── messages and actions ─────────────

export const ZQuickReply = z.object({ title: ZTitle, payload: z.string().min(1).max(1_000) });
export type TQuickReply = z.infer<typeof ZQuickReply>;

export const ZButton = z.discriminatedUnion("type", [
  z.object({ type: z.literal("web_url"), title: ZTitle, url: ZHttpsUrl }),
  z.object({ type: z.literal("postback"), title: ZTitle, payload: z.string().min(1).max(1_000) }),
]);
export type TButton = z.infer<typeof ZButton>;

export const ZMessageContent = z
  .object({
    /** Template text; rendered it must fit 1000 UTF-8 bytes (640 characters with buttons). */
    text: templateString(2_000),
    quickReplies: z.array(ZQuickReply).min(1).max(13).optional(),
    buttons: z.array(ZButton).min(1).max(3).optional(),
    /** Sent as its own image message before the text. */
    imageUrl: ZHttpsUrl.optional(),
    /** Rewrite links through the click-counting redirect. */
    trackLinks: z.boolean().default(true),
  })
  .refine((m) => !(m.quickReplies && m.buttons), {
    message: "Use quick replies or buttons, not both: Instagram attaches quick replies to plain text only",
    path: ["buttons"],
  });
export type TMessageContent = z.infer<typeof ZMessageContent>;

export const ZAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("public_reply"), variants: z.array(templateString(2_200)).min(1).max(20) }),
  z.object({ type: z.literal("private_reply"), message: ZMessageContent }),
  z.object({ type: z.literal("dm"), message: ZMessageContent }),
  z.object({ type: z.literal("delay"), seconds: z.number().int().min(1).max(MAX_DELAY_SECONDS) }),
  z.object({ type: z.literal("tag_contact"), tags: z.array(z.string().trim().min(1).max(50)).min(1).max(20) }),
  z.object({ type: z.literal("hide_comment") }),
  z.object({
    type: z.literal("webhook"),
    url: z
      .string()
      .trim()
      .max(2_000)
      .refine((u) => isAllowedWebhookUrl(u, ALLOW_LOCALHOST_WEBHOOKS), "Must be a public https:// URL (http://localhost only in development)"),
    /** HMAC key for the signature header; never shown again after saving. */
    secret: z.string().min(16).max(256).optional(),
  }),
]);
export type TAction = z.infer<typeof ZAction>;
export type TActionType = TAction["type"];

// ───────────── definition and resources ─────────────

const ZDefinitionObject = z.object({
  trigger: ZTrigger,
  conditions: ZConditions.prefault({}),
  actions: z.array(ZAction).min(1).max(20),
});
export type TAutomationDefinition = z.infer<typeof ZDefinitionObject>;

export const ZAutomationDefinition = ZDefinitionObject.superRefine((def, ctx) => {
  for (const issue of collectDefinitionIssues(def)) {
    if (issue.severity === "error") ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }
});
export type TAutomationDefinitionInput = z.input<typeof ZAutomationDefinition>;

export const ZAutomationStatus = z.enum(["draft", "active", "paused"]);
export type TAutomationStatus = z.infer<typeof ZAutomationStatus>;

const ZName = z.string().trim().min(1).max(100);
/** Higher wins when several automations match one event. */
const ZPriority = z.number().int().min(-1_000).max(1_000);

export const ZCreateAutomation = z.object({
  /** Replyflow's InstagramAccount id (not the IG user id). */
  accountId: z.string().trim().min(1).max(32),
  name: ZName,
  status: ZAutomationStatus.default("draft"),
  priority: ZPriority.default(0),
  definition: ZAutomationDefinition,
});
export type TCreateAutomation = z.infer<typeof ZCreateAutomation>;

export const ZUpdateAutomation = z
  .object({
    name: ZName.optional(),
    status: ZAutomationStatus.optional(),
    priority: ZPriority.optional(),
    definition: ZAutomationDefinition.optional(),
    /** Optimistic concurrency: reject the update if someone saved a newer version meanwhile. */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((u) => u.name !== undefined || u.status !== undefined || u.priority !== undefined || u.definition !== undefined, {
    message: "Nothing to update",
  });
export type TUpdateAutomation = z.infer<typeof ZUpdateAutomation>;

import { z } from "zod";
import { ZPageQuery } from "@/lib/api/pagination";
import { ZUsername } from "@/lib/activity/schemas";
import { ZAutomationDefinition, ZAutomationStatus } from "../schema";

/** API-only inputs around the engine's resource schemas (ZCreateAutomation / ZUpdateAutomation in ../schema.ts). */

export const ZAutomationId = z.object({ automationId: z.string().min(1).max(32) });

export const ZListAutomationsQuery = ZPageQuery.extend({
  accountId: z.string().trim().min(1).max(32).optional(),
  /** `status=active,paused` */
  status: z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(ZAutomationStatus).min(1).max(3))
    .optional(),
});
export type TListAutomationsQuery = z.infer<typeof ZListAutomationsQuery>;

/** Activate/pause take no body (a bare POST from the dashboard), so the optional version check rides in the query. */
export const ZStatusChangeQuery = z.object({ expectedVersion: z.coerce.number().int().min(1).optional() });
export type TStatusChangeQuery = z.infer<typeof ZStatusChangeQuery>;

const ZInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** Event kinds a person can cause and an automation can answer. */
export const ZTestEventKind = z.enum(["comment", "live_comment", "dm", "story_reply", "story_mention", "postback", "quick_reply", "referral"]);

export const ZTestAutomation = z.object({
  accountId: z.string().trim().min(1).max(32),
  kind: ZTestEventKind.default("comment"),
  text: z.string().max(8_000).default(""),
  mediaId: z.string().trim().min(1).max(64).optional(),
  /** For "next post" triggers, which compare the post's publish time with the automation's. */
  mediaPublishedAt: ZInstant.optional(),
  /** The comment is a reply inside a thread. */
  isReply: z.boolean().default(false),
  storyId: z.string().trim().min(1).max(64).optional(),
  payload: z.string().trim().min(1).max(1_000).optional(),
  referralRef: z.string().trim().min(1).max(250).optional(),
  /** Who wrote it: their real history (earlier replies, open window) is used when we know them. */
  username: ZUsername.optional(),
  igsid: z.string().trim().min(1).max(64).optional(),
  /** Overrides what the contact history says about the 24-hour window / being new. */
  wroteInLast24h: z.boolean().optional(),
  isNewContact: z.boolean().optional(),
  /** Evaluate as if it happened at this instant (active hours, cool-downs); default now. */
  at: ZInstant.optional(),
  /**
   * The builder's unsaved automation, evaluated alongside the live ones; with `automationId`
   * it stands in for that automation's saved version.
   */
  draft: z
    .object({
      automationId: z.string().trim().min(1).max(32).optional(),
      name: z.string().trim().min(1).max(100).default("Unsaved automation"),
      priority: z.number().int().min(-1_000).max(1_000).default(0),
      definition: ZAutomationDefinition,
    })
    .optional(),
});
export type TTestAutomation = z.infer<typeof ZTestAutomation>;

import { z } from "zod";
import { ZCursor, ZPageQuery } from "@/lib/api/pagination";

const ZId = z.string().trim().min(1).max(32);

/** "2026-03-14" → that UTC day at 00:00. */
export const ZUtcDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: "custom", message: "Not a calendar date" });
      return z.NEVER;
    }
    return d;
  });

/** An instant in a query string: ISO 8601 date or date-time. */
const ZInstant = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const d = new Date(s);
    if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "Use an ISO 8601 date or date-time" });
      return z.NEVER;
    }
    return d;
  });

/** Runs and messages have BIGINT ids; a cursor naming anything else was not issued by this API. */
const ZBigCursor = ZCursor.refine((c) => /^\d{1,20}$/.test(c.id), "Not a cursor this API returned");

/** "@Someone" and "someone" name the same Instagram user. */
export const ZUsername = z
  .string()
  .trim()
  .transform((s) => s.replace(/^@/, ""))
  .pipe(z.string().min(1, "Give a username").max(64));

const ZActivityFilters = z.object({
  accountId: ZId.optional(),
  automationId: ZId.optional(),
  contactId: ZId.optional(),
  username: ZUsername.optional(),
  commentId: z.string().trim().min(1).max(64).optional(),
  /** Inclusive lower and exclusive upper bound on createdAt. */
  from: ZInstant.optional(),
  to: ZInstant.optional(),
});

/** `status=failed,skipped` or repeated values alike. */
function csvEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1).max(values.length));
}

export const RUN_OUTCOMES = ["matched", "skipped", "failed"] as const;
export const MESSAGE_STATUSES = ["queued", "sending", "sent", "failed", "skipped", "unknown"] as const;
export const MESSAGE_KINDS = ["public_reply", "private_reply", "dm", "hide_comment", "webhook"] as const;

export const ZListRunsQuery = ZPageQuery.extend({ cursor: ZBigCursor.optional(), outcome: csvEnum(RUN_OUTCOMES).optional() }).extend(ZActivityFilters.shape);
export type TListRunsQuery = z.infer<typeof ZListRunsQuery>;

export const ZListMessagesQuery = ZPageQuery.extend({
  cursor: ZBigCursor.optional(),
  status: csvEnum(MESSAGE_STATUSES).optional(),
  kind: csvEnum(MESSAGE_KINDS).optional(),
}).extend(ZActivityFilters.shape);
export type TListMessagesQuery = z.infer<typeof ZListMessagesQuery>;

/** "Why didn't @user get a DM?": one person (by username or IGSID) or one comment. */
export const ZActivityLookupQuery = z
  .object({
    accountId: ZId.optional(),
    username: ZUsername.optional(),
    igsid: z.string().trim().min(1).max(64).optional(),
    commentId: z.string().trim().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => [q.username, q.igsid, q.commentId].filter(Boolean).length === 1, {
    message: "Give exactly one of username, igsid or commentId",
    path: ["username"],
  });
export type TActivityLookupQuery = z.infer<typeof ZActivityLookupQuery>;

export const ZStatsQuery = z.object({
  from: ZUtcDay.optional(),
  to: ZUtcDay.optional(),
  accountId: ZId.optional(),
  automationId: ZId.optional(),
});
export type TStatsQuery = z.infer<typeof ZStatsQuery>;

import { z } from "zod";
import { ZCursor, ZPageQuery } from "@/lib/api/pagination";
import { ZUsername } from "@/lib/activity/schemas";

export const ZContactId = z.object({ contactId: z.string().min(1).max(32) });

const ZTag = z.string().trim().min(1, "Tags can't be empty").max(50, "Use at most 50 characters");
const ZTags = z
  .array(ZTag)
  .max(50, "At most 50 tags")
  .transform((t) => [...new Set(t)]);

export const ZListContactsQuery = ZPageQuery.extend({
  cursor: ZCursor.optional(),
  accountId: z.string().trim().min(1).max(32).optional(),
  /** Username prefix: "@ann" finds ann, anna and annette. */
  q: ZUsername.optional(),
  tag: ZTag.optional(),
  /** Whether the person messaged within the last 24 hours (Instagram's messaging window). */
  window: z.enum(["open", "closed"]).optional(),
  optedOut: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type TListContactsQuery = z.infer<typeof ZListContactsQuery>;

export const ZUpdateContact = z
  .object({
    /** Replaces every tag… */
    tags: ZTags.optional(),
    /** …or edits the list in place, leaving tags added meanwhile by automations alone. */
    addTags: ZTags.optional(),
    removeTags: ZTags.optional(),
    optedOut: z.boolean().optional(),
  })
  .refine((u) => !(u.tags && (u.addTags || u.removeTags)), { message: "Use either tags or addTags/removeTags", path: ["tags"] })
  .refine((u) => u.tags || u.addTags || u.removeTags || u.optedOut !== undefined, { message: "Nothing to update" });
export type TUpdateContact = z.infer<typeof ZUpdateContact>;

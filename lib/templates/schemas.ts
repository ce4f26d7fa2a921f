import { z } from "zod";
import { ZPageQuery } from "@/lib/api/pagination";
import { MAX_BUTTON_TEXT_CHARS, MAX_TEXT_BYTES } from "@/lib/automations/limits";
import { templateSize } from "@/lib/automations/render-template";
import { ZMessageContent } from "@/lib/automations/schema";

/**
 * Template content is the same ZMessageContent an automation's DM uses (so a template can be
 * dropped into any DM step), and its text is checked by the engine's `validateTemplate`. A text
 * that cannot fit Instagram's limits even with the shortest spintax choices is refused here;
 * one that only might not fit comes back as a warning.
 */
export const ZTemplateContent = ZMessageContent.superRefine((c, ctx) => {
  const bytes = templateSize(c.text, "bytes");
  if (bytes.min > MAX_TEXT_BYTES) {
    ctx.addIssue({ code: "custom", path: ["text"], message: `Message is ${bytes.min} bytes even at its shortest; Instagram allows ${MAX_TEXT_BYTES}` });
  }
  if (c.buttons && templateSize(c.text, "chars").min > MAX_BUTTON_TEXT_CHARS) {
    ctx.addIssue({ code: "custom", path: ["text"], message: `Text above buttons is limited to ${MAX_BUTTON_TEXT_CHARS} characters` });
  }
});

const ZName = z.string().trim().min(1, "Name the template").max(100, "Use at most 100 characters");

export const ZTemplateId = z.object({ templateId: z.string().min(1).max(32) });
export const ZCreateTemplate = z.object({ name: ZName, content: ZTemplateContent });
export type TCreateTemplate = z.infer<typeof ZCreateTemplate>;

export const ZUpdateTemplate = z
  .object({ name: ZName.optional(), content: ZTemplateContent.optional() })
  .refine((u) => u.name !== undefined || u.content !== undefined, { message: "Nothing to update" });
export type TUpdateTemplate = z.infer<typeof ZUpdateTemplate>;

export const ZListTemplatesQuery = ZPageQuery.extend({ q: z.string().trim().min(1).max(100).optional() });
export type TListTemplatesQuery = z.infer<typeof ZListTemplatesQuery>;

import type { FieldIssue } from "@/lib/api/errors";
import { MAX_BUTTON_TEXT_CHARS, MAX_TEXT_BYTES } from "@/lib/automations/limits";
import { templateSize } from "@/lib/automations/render-template";
import { ZMessageContent } from "@/lib/automations/schema";

type Row = { id: string; name: string; content: unknown; createdAt: Date; updatedAt: Date };

export function presentTemplate(row: Row) {
  return { id: row.id, name: row.name, content: row.content, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
export type PresentedTemplate = ReturnType<typeof presentTemplate>;

/** Sizes that only the longest spintax choices and names would exceed: allowed, but worth a note in the editor. */
export function templateWarnings(stored: unknown): FieldIssue[] {
  const parsed = ZMessageContent.safeParse(stored);
  if (!parsed.success) return [{ path: "content", code: "invalid_content", message: "This template no longer passes validation; edit and save it again" }];
  const content = parsed.data;
  const warnings: FieldIssue[] = [];
  const bytes = templateSize(content.text, "bytes").max;
  if (bytes > MAX_TEXT_BYTES) {
    warnings.push({ path: "content.text", code: "text_may_be_too_long", message: `Can reach ${bytes} bytes with the longest choices and names; Instagram rejects messages over ${MAX_TEXT_BYTES} bytes` });
  }
  const chars = templateSize(content.text, "chars").max;
  if (content.buttons && chars > MAX_BUTTON_TEXT_CHARS) {
    warnings.push({ path: "content.text", code: "button_text_may_be_too_long", message: `Text above buttons can reach ${chars} characters; Instagram allows ${MAX_BUTTON_TEXT_CHARS}` });
  }
  return warnings;
}

/**
 * What a send said, in one line, from its stored content (lib/pipeline/outbound/content.ts):
 * the public reply's text, the echo text of each DM part (image URL, then text), or the
 * webhook's URL. Read defensively: the log must render whatever an old row holds.
 */
export function messagePreview(content: unknown): string | null {
  if (!content || typeof content !== "object") return null;
  const c = content as { text?: unknown; parts?: unknown; webhook?: { url?: unknown } };
  if (typeof c.text === "string") return c.text;
  if (Array.isArray(c.parts)) {
    const echoes = c.parts.map((p: unknown) => (p && typeof p === "object" && typeof (p as { echo?: unknown }).echo === "string" ? (p as { echo: string }).echo : null)).filter(Boolean);
    if (echoes.length) return echoes.join(" · ");
  }
  if (c.webhook && typeof c.webhook.url === "string") return `POST ${c.webhook.url}`;
  return null;
}

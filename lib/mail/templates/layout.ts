export type MailContent = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Workspace and people names are user input; they go into HTML escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** One plain, readable layout: a paragraph or two and a single button-like link. */
export function renderMail(opts: { subject: string; paragraphs: string[]; action: { label: string; url: string }; footer: string }): MailContent {
  const text = [...opts.paragraphs, "", `${opts.action.label}: ${opts.action.url}`, "", opts.footer, ""].join("\n");
  const html = [
    '<div style="font-family:system-ui,sans-serif;max-width:560px;margin:0 auto;color:#1a1a1a">',
    ...opts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(opts.action.url)}" style="display:inline-block;padding:10px 16px;background:#4338ca;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(opts.action.label)}</a></p>`,
    `<p style="color:#666;font-size:13px">${escapeHtml(opts.footer)}</p>`,
    "</div>",
  ].join("\n");
  return { subject: opts.subject, text, html };
}

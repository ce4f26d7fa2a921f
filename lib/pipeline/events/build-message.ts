import { renderTemplate, type TTemplateVars } from "@/lib/automations/render-template";
import type { TRng } from "@/lib/automations/rng";
import type { TMessageContent } from "@/lib/automations/schema";
import type { TSendPart } from "../outbound/content";
import { LinkRewriter } from "../links/rewrite-links";

/**
 * A DM or private-reply definition → the Graph `message` bodies to send, rendered once:
 * spintax and variables from the seeded rng, links rewritten when `trackLinks`. An image goes
 * as its own message before the text (Instagram sends attachments and text apart).
 */
export function buildMessage(content: TMessageContent, vars: TTemplateVars, rng: TRng, links: LinkRewriter | undefined): TSendPart[] {
  const rendered = renderTemplate(content.text, vars, rng);
  const text = links ? links.text(rendered) : rendered;
  const parts: TSendPart[] = [];
  if (content.imageUrl) {
    parts.push({ message: { attachment: { type: "image", payload: { url: content.imageUrl } } }, echo: content.imageUrl });
  }
  if (content.buttons) {
    const buttons = content.buttons.map((b) =>
      b.type === "web_url" ? { type: "web_url", url: links ? links.url(b.url) : b.url, title: b.title } : { type: "postback", title: b.title, payload: b.payload },
    );
    parts.push({ message: { attachment: { type: "template", payload: { template_type: "button", text, buttons } } }, echo: text });
  } else if (content.quickReplies) {
    const quick = content.quickReplies.map((q) => ({ content_type: "text", title: q.title, payload: q.payload }));
    parts.push({ message: { text, quick_replies: quick }, echo: text });
  } else {
    parts.push({ message: { text }, echo: text });
  }
  return parts;
}

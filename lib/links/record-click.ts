import { getDb } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import type { ResolvedLink } from "./resolve-link";
import { visitorHash } from "./visitor-hash";

/**
 * Link-preview fetchers (Instagram's own among them, as soon as a DM with a link is shown)
 * are not people clicking; they still get redirected, but are not counted.
 */
const PREVIEW_AGENTS = /facebookexternalhit|facebot|meta-externalagent|instagram.*preview|bot\b|crawler|spider|slackbot|whatsapp|telegrambot|discordbot|twitterbot|linkedinbot|embedly|preview/i;

export function isPreviewAgent(userAgent: string | undefined): boolean {
  return !!userAgent && PREVIEW_AGENTS.test(userAgent);
}

/**
 * One LinkClick row and clickCount + 1, in parallel and outside a transaction: a click count
 * is best-effort, so a failure is logged and never stands between the person and their link.
 */
export async function recordClick(link: ResolvedLink, who: { ip?: string; userAgent?: string }, log: Logger, at = new Date()): Promise<boolean> {
  if (isPreviewAgent(who.userAgent)) return false;
  const { db } = getDb(link.tenantId);
  try {
    await Promise.all([
      db.linkClick.create({
        data: { tenantId: link.tenantId, linkId: link.id, clickedAt: at, visitorHash: visitorHash(who.ip, who.userAgent, at), userAgent: who.userAgent?.slice(0, 255) ?? null },
      }),
      db.trackedLink.update({ where: { id: link.id }, data: { clickCount: { increment: 1 } } }),
    ]);
    return true;
  } catch (err) {
    log.warn({ err, linkId: link.id }, "click not counted");
    return false;
  }
}

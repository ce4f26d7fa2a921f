import { primary, reader } from "@/lib/db";

/**
 * Codes are minted by the outbound pipeline (lib/pipeline/links/link-code.ts: 10 random
 * letters and digits); anything outside a loose version of that shape is answered 404
 * without a query.
 */
const CODE_FORMAT = /^[A-Za-z0-9]{4,16}$/;

export type ResolvedLink = { id: string; tenantId: string; url: string };

function isWebUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * A code → its link, across tenants by nature (the code is what names the tenant, like an
 * API key). The replica first; a miss is retried on the primary because the link was often
 * created seconds ago with the DM that carries it. Never redirects to anything but http(s).
 */
export async function resolveLink(code: string): Promise<ResolvedLink | null> {
  if (!CODE_FORMAT.test(code)) return null;
  const select = { id: true, tenantId: true, url: true } as const;
  const replica = reader();
  let link = await replica.trackedLink.findUnique({ where: { code }, select });
  if (!link && replica !== primary()) link = await primary().trackedLink.findUnique({ where: { code }, select });
  return link && isWebUrl(link.url) ? link : null;
}

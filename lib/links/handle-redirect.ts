import { randomUUID } from "node:crypto";
import { rootLogger } from "@/lib/logger";
import { requestMeta } from "@/lib/security/request-meta";
import { recordClick } from "./record-click";
import { redirectRetryAfter } from "./redirect-limit";
import { resolveLink } from "./resolve-link";

/**
 * Every answer of /r/<code> carries these: the destination must not learn which Replyflow
 * link (or DM) the visitor came from, and no cache may replay a redirect without counting it.
 */
const PRIVATE_HEADERS = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex, nofollow",
  "x-content-type-options": "nosniff",
} as const;

const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Link not found</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;color:#1f2937;background:#f9fafb}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.25rem}</style></head><body><main><h1>This link doesn't exist</h1><p>It may have been mistyped or removed.</p></main></body></html>`;

function notFound(): Response {
  // The same page for a malformed code, an unknown one and a deleted one: nothing to probe.
  return new Response(NOT_FOUND_PAGE, { status: 404, headers: { ...PRIVATE_HEADERS, "content-type": "text/html; charset=utf-8" } });
}

/** GET /r/<code>: 302 to the link's URL and one counted click, or a 404 that says nothing. */
export async function handleRedirect(request: Request, code: string): Promise<Response> {
  const meta = requestMeta(request.headers);
  const retryAfter = await redirectRetryAfter(meta.ip ?? "unknown");
  if (retryAfter !== null) {
    return new Response("Too many requests", { status: 429, headers: { ...PRIVATE_HEADERS, "content-type": "text/plain; charset=utf-8", "retry-after": String(retryAfter) } });
  }
  const log = rootLogger().child({ requestId: randomUUID(), path: "/r/[code]" });
  let link;
  try {
    link = await resolveLink(code);
  } catch (err) {
    log.error({ err }, "link lookup failed");
    return new Response("Temporarily unavailable", { status: 503, headers: { ...PRIVATE_HEADERS, "content-type": "text/plain; charset=utf-8", "retry-after": "5" } });
  }
  if (!link) return notFound();
  await recordClick(link, meta, log);
  return new Response(null, { status: 302, headers: { ...PRIVATE_HEADERS, location: link.url } });
}

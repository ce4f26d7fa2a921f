import { createHash } from "node:crypto";
import type { RouteContext, RouteHandler, RouteParams } from "@/lib/api/route";

/**
 * A weak ETag over a list response's bytes, and 304 when the client already has them. The
 * dashboard polls the activity log every few seconds; when nothing new has happened the
 * answer is a few bytes instead of a page of JSON. The query still runs — hashing is the cheap
 * part — so this saves transfer and client work, not database time.
 */
export function withEtag<H extends RouteHandler>(handler: H): H {
  const wrapped = async (request: Request, context: RouteContext<RouteParams>) => {
    const response = await handler(request, context);
    if (response.status !== 200) return response;
    const body = await response.arrayBuffer();
    const etag = `W/"${createHash("sha1").update(new Uint8Array(body)).digest("base64url")}"`;
    const headers = new Headers(response.headers);
    headers.set("etag", etag);
    headers.set("cache-control", "private, no-cache");
    const match = request.headers.get("if-none-match");
    if (match && match.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
      headers.delete("content-type");
      headers.delete("content-length");
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { status: 200, headers });
  };
  // Keep whatever the wrapper attached (the route-matrix test reads `permission`).
  return Object.assign(wrapped, handler) as unknown as H;
}

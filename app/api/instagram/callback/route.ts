import { randomUUID } from "node:crypto";
import { connectErrorPage } from "@/lib/instagram/connect/connect-error-page";
import { handleOAuthCallback } from "@/lib/instagram/connect/handle-oauth-callback";
import { rootLogger } from "@/lib/logger";

export const dynamic = "force-dynamic";

// GET /api/instagram/callback?code&state – where Instagram Login sends the browser back (the app's redirect URI)
export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  const log = rootLogger().child({ requestId, path: "/api/instagram/callback" });
  const url = new URL(request.url);
  const result = await handleOAuthCallback(url.searchParams, request.headers, log, requestId);
  // The query holds the one-time code: log the outcome, never the URL.
  log.info({ status: result.kind === "error" ? result.status : 303 }, "request");
  if (result.kind === "error") return connectErrorPage(result.status, result.message);
  // 303: the browser must GET the accounts page, never repeat anything; relative to our own origin only.
  return new Response(null, { status: 303, headers: { location: result.location, "cache-control": "no-store" } });
}

import { NextResponse, type NextRequest } from "next/server";
import { ERROR_CODES, PROBLEM_CONTENT_TYPE, problemType } from "@/lib/api/error-codes";
import { env } from "@/lib/env";
import { isCrossSite, needsCsrfCheck, ownOrigins } from "@/lib/security/csrf";

/**
 * Runs before every page, action and route: refuses cross-site mutations that would ride on
 * the session cookie (forms posted from another site, server actions, /api/v1 with a cookie).
 * API-key requests and Meta's webhooks are exempt (lib/security/csrf.ts). Security headers
 * come from next.config.ts, which covers static files too.
 */
const PATH_HEADER = "x-rf-path";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (needsCsrfCheck(request.method, pathname, request.headers) && isCrossSite(request.headers, ownOrigins(request.url, env().APP_URL))) {
    const { status, title } = ERROR_CODES.csrf_failed;
    const body = { type: problemType("csrf_failed"), title, status, code: "csrf_failed", detail: "This request came from another site." };
    return new NextResponse(JSON.stringify(body), { status, headers: { "content-type": PROBLEM_CONTENT_TYPE } });
  }
  // Lets the (app) layout send a signed-out visitor to sign in and back to where they were going.
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

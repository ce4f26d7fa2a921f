/**
 * CSRF protection for cookie-authenticated mutations, without tokens: browsers label every
 * request with `Sec-Fetch-Site` (and `Origin` on POST), which a cross-site page cannot forge.
 * Requests with neither header do not come from a browser, so no ambient cookie is being
 * abused. API-key requests (Authorization: Bearer) and Meta's webhooks are exempt: no browser
 * attaches those credentials by itself.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const EXEMPT_PREFIXES = ["/api/webhooks/"];

export function needsCsrfCheck(method: string, pathname: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (EXEMPT_PREFIXES.some((p) => pathname.startsWith(p))) return false;
  return !/^bearer\s/i.test(headers.get("authorization") ?? "");
}

/** True when the browser says the request was made by another site. */
export function isCrossSite(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin) return !allowedOrigins.includes(origin);
  return false;
}

/** The app's own origins: the configured public URL and the one this request was addressed to. */
export function ownOrigins(requestUrl: string, appUrl: string): string[] {
  return [...new Set([new URL(appUrl).origin, new URL(requestUrl).origin])];
}

import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/security/client-ip";
import { isCrossSite, needsCsrfCheck, ownOrigins } from "@/lib/security/csrf";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";

const h = (o: Record<string, string>) => new Headers(o);

describe("security headers", () => {
  it("sends CSP without unsafe-eval in production, forbids framing, and the other hardening headers", () => {
    const prod = Object.fromEntries(securityHeaders({ production: true }).map((x) => [x.key, x.value]));
    expect(prod["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(prod["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(prod["Content-Security-Policy"]).toContain("object-src 'none'");
    expect(prod["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(prod["X-Content-Type-Options"]).toBe("nosniff");
    expect(prod["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(prod["Permissions-Policy"]).toContain("camera=()");
    expect(contentSecurityPolicy({ production: false })).toContain("'unsafe-eval'");
  });
});

describe("CSRF", () => {
  const origins = ownOrigins("http://internal:3000/api/v1/members", "https://app.replyflow.example");

  it("checks cookie mutations, not reads, API-key calls or Meta's webhooks", () => {
    expect(needsCsrfCheck("POST", "/api/v1/invitations", h({}))).toBe(true);
    expect(needsCsrfCheck("DELETE", "/w/acme/members", h({ cookie: "x" }))).toBe(true);
    expect(needsCsrfCheck("GET", "/api/v1/members", h({}))).toBe(false);
    expect(needsCsrfCheck("POST", "/api/v1/invitations", h({ authorization: "Bearer rf_live_x" }))).toBe(false);
    expect(needsCsrfCheck("POST", "/api/webhooks/instagram", h({}))).toBe(false);
  });

  it("refuses what the browser labels cross-site, and foreign origins", () => {
    expect(isCrossSite(h({ "sec-fetch-site": "cross-site" }), origins)).toBe(true);
    expect(isCrossSite(h({ "sec-fetch-site": "same-site" }), origins)).toBe(true);
    expect(isCrossSite(h({ "sec-fetch-site": "same-origin" }), origins)).toBe(false);
    expect(isCrossSite(h({ origin: "https://evil.example" }), origins)).toBe(true);
    expect(isCrossSite(h({ origin: "null" }), origins)).toBe(true);
    expect(isCrossSite(h({ origin: "https://app.replyflow.example" }), origins)).toBe(false);
    expect(isCrossSite(h({ origin: "http://internal:3000" }), origins)).toBe(false);
    // Neither header: not a browser, so no ambient cookie is being abused.
    expect(isCrossSite(h({}), origins)).toBe(false);
  });
});

describe("client IP", () => {
  it("takes the entry our proxies appended, not what the client wrote", () => {
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
    expect(clientIp(h({ "x-forwarded-for": "::ffff:127.0.0.1" }), 1)).toBe("127.0.0.1");
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.1" }), 3)).toBe("198.51.100.1");
    expect(clientIp(h({}), 1)).toBeUndefined();
  });
});

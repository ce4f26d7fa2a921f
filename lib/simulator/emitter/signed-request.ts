import { createHmac } from "node:crypto";
import { request } from "./transport";

export type SignedRequestPayload = { algorithm: "HMAC-SHA256"; issued_at: number; expires: number; user_id: string };

/** `<base64url HMAC-SHA256 of the payload segment>.<base64url JSON payload>`, as Meta builds it. */
export function buildSignedRequest(secret: string, payload: SignedRequestPayload): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const sig = createHmac("sha256", secret).update(encoded).digest("base64url");
  return `${sig}.${encoded}`;
}

export type CallbackResult = { url: string; status: number; body: string; json: unknown; error: string | null; signedRequest: string };

/**
 * Deauthorize and data-deletion callbacks: a form POST with `signed_request`. The data-deletion
 * callback must answer JSON `{url, confirmation_code}`; the parsed answer is returned for the
 * caller to check.
 */
export async function postSignedRequest(url: string, secret: string, userId: string, nowMs: number, timeoutMs: number): Promise<CallbackResult> {
  const issuedAt = Math.floor(nowMs / 1000);
  const signedRequest = buildSignedRequest(secret, { algorithm: "HMAC-SHA256", issued_at: issuedAt, expires: issuedAt + 3600, user_id: userId });
  const body = Buffer.from(new URLSearchParams({ signed_request: signedRequest }).toString());
  const res = await request(new URL(url), {
    method: "POST",
    timeoutMs,
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": body.length },
  });
  let json: unknown = null;
  try {
    json = res.body ? JSON.parse(res.body) : null;
  } catch {
    json = null;
  }
  return { url, status: res.status, body: res.body.slice(0, 2_000), json, error: res.error, signedRequest };
}

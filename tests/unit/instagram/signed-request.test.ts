import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SignedRequestError, parseSignedRequest } from "@/lib/instagram/signed-request";

const SECRET = "instagram-app-secret-0123456789";
const META = "meta-app-secret-0123456789abcd";
const NOW = 1_760_000_000_000;

/** Builds a signed_request the way Meta does: HMAC over the base64url payload segment as sent. */
function signedRequest(payload: unknown, secret = SECRET, rawPayload?: string) {
  const part = rawPayload ?? Buffer.from(JSON.stringify(payload)).toString("base64url");
  const sig = createHmac("sha256", secret).update(part).digest("base64url");
  return `${sig}.${part}`;
}

const payload = { algorithm: "HMAC-SHA256", issued_at: NOW / 1000 - 10, user_id: "218471", expires: NOW / 1000 + 3600 };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SignedRequestError);
    return (err as SignedRequestError).code;
  }
  return undefined;
}

describe("parseSignedRequest", () => {
  it("verifies and decodes a good request", () => {
    expect(parseSignedRequest(signedRequest(payload), SECRET, { now: () => NOW })).toMatchObject({ user_id: "218471", algorithm: "HMAC-SHA256" });
  });

  it("accepts any configured secret", () => {
    expect(parseSignedRequest(signedRequest(payload, META), [SECRET, META], { now: () => NOW }).user_id).toBe("218471");
  });

  it("verifies over the payload segment as sent, not re-encoded JSON", () => {
    // Same JSON, different spacing: Meta's bytes are what count.
    const raw = Buffer.from('{ "algorithm" : "HMAC-SHA256", "issued_at": 1759999990, "user_id": "218471" }').toString("base64url");
    expect(parseSignedRequest(signedRequest(null, SECRET, raw), SECRET, { now: () => NOW }).issued_at).toBe(1759999990);
  });

  it("keeps every digit of a numeric user_id", () => {
    const raw = Buffer.from('{"algorithm":"HMAC-SHA256","issued_at":1759999990,"user_id":17841400000000001}').toString("base64url");
    expect(parseSignedRequest(signedRequest(null, SECRET, raw), SECRET, { now: () => NOW }).user_id).toBe("17841400000000001");
  });

  it("rejects a wrong secret or a tampered payload", () => {
    expect(code(() => parseSignedRequest(signedRequest(payload, "other-secret-xxxxxxxx"), SECRET))).toBe("bad_signature");
    const [sig] = signedRequest(payload).split(".");
    const forged = Buffer.from(JSON.stringify({ ...payload, user_id: "1" })).toString("base64url");
    expect(code(() => parseSignedRequest(`${sig}.${forged}`, SECRET, { now: () => NOW }))).toBe("bad_signature");
  });

  it("rejects an unsupported algorithm even when signed", () => {
    expect(code(() => parseSignedRequest(signedRequest({ ...payload, algorithm: "HMAC-SHA1" }), SECRET, { now: () => NOW }))).toBe("unsupported_algorithm");
  });

  it("checks expiry only when asked (a deletion request outlives the token), and age when maxAgeSeconds is set", () => {
    const expired = signedRequest({ ...payload, expires: NOW / 1000 - 1 });
    expect(code(() => parseSignedRequest(expired, SECRET, { now: () => NOW }))).toBeUndefined();
    expect(code(() => parseSignedRequest(expired, SECRET, { now: () => NOW, checkExpires: true }))).toBe("expired");
    expect(code(() => parseSignedRequest(signedRequest({ ...payload, expires: 0 }), SECRET, { now: () => NOW, checkExpires: true }))).toBeUndefined();
    expect(code(() => parseSignedRequest(signedRequest(payload), SECRET, { now: () => NOW, maxAgeSeconds: 5 }))).toBe("expired");
  });

  it.each([[""], ["nodot"], ["a.b.c"], [".abc"], ["abc."], ["***.abc"], ["x".repeat(10_000)]])("rejects malformed input %#", (input) => {
    expect(["malformed", "bad_signature"]).toContain(code(() => parseSignedRequest(input, SECRET)));
  });

  it("rejects a valid signature over something that is not a payload", () => {
    expect(code(() => parseSignedRequest(signedRequest(null, SECRET, Buffer.from("not json").toString("base64url")), SECRET))).toBe("malformed");
    expect(code(() => parseSignedRequest(signedRequest({ algorithm: "HMAC-SHA256" }), SECRET))).toBe("malformed");
  });

  it("never verifies against an empty secret", () => {
    expect(code(() => parseSignedRequest(signedRequest(payload, ""), ["", SECRET], { now: () => NOW }))).toBe("bad_signature");
  });
});

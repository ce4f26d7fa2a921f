import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Meta's `signed_request` (deauthorize and data-deletion callbacks, reference §5):
 * `<base64url signature>.<base64url JSON payload>`, the signature being HMAC-SHA256 with the app
 * secret over the payload segment exactly as sent (not over re-encoded JSON).
 */

export type SignedRequestErrorCode = "malformed" | "bad_signature" | "unsupported_algorithm" | "expired";

export class SignedRequestError extends Error {
  override name = "SignedRequestError";
  constructor(
    readonly code: SignedRequestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const ZSignedRequestPayload = z.looseObject({
  algorithm: z.string(),
  issued_at: z.number().int().nonnegative(),
  /** App-scoped id of the person; usually a string, tolerated as a number (exact digits restored below). */
  user_id: z.union([z.string().min(1), z.number().nonnegative()]).transform(String),
  /** Epoch seconds; 0 or absent means no expiry. */
  expires: z.number().int().nonnegative().optional(),
});
export type TSignedRequestPayload = z.infer<typeof ZSignedRequestPayload>;

export type ParseSignedRequestOptions = {
  /** Clock in ms, for expiry checks. */
  now?: () => number;
  /**
   * Reject a payload whose `expires` has passed. Off by default: in Meta's payloads `expires`
   * describes the user's token, and a data-deletion request must be honoured even after it.
   */
  checkExpires?: boolean;
  /** Reject payloads issued longer ago than this many seconds (replay window). */
  maxAgeSeconds?: number;
};

const MAX_LENGTH = 8_192;
const B64URL = /^[A-Za-z0-9_\-+/]+={0,2}$/;
const SIGNATURE_BYTES = 32;

/**
 * Verifies and decodes a signed_request against any of `secrets` (the Instagram app secret
 * under Instagram Login, the Meta app secret under Facebook Login). Throws SignedRequestError.
 */
export function parseSignedRequest(
  signedRequest: string,
  secrets: string | string[],
  opts: ParseSignedRequestOptions = {},
): TSignedRequestPayload {
  if (typeof signedRequest !== "string" || signedRequest.length > MAX_LENGTH) {
    throw new SignedRequestError("malformed", "signed_request is missing or too long");
  }
  const parts = signedRequest.split(".");
  const [sigPart, payloadPart] = parts;
  if (parts.length !== 2 || !sigPart || !payloadPart || !B64URL.test(sigPart) || !B64URL.test(payloadPart)) {
    throw new SignedRequestError("malformed", "signed_request must be <signature>.<payload> in base64url");
  }
  const provided = Buffer.from(sigPart, "base64url");
  if (provided.length !== SIGNATURE_BYTES) throw new SignedRequestError("bad_signature", "signed_request signature has the wrong length");

  // Verify before parsing anything an attacker wrote.
  const valid = (Array.isArray(secrets) ? secrets : [secrets])
    .filter((s) => s.length > 0)
    .some((secret) => timingSafeEqual(createHmac("sha256", secret).update(payloadPart).digest(), provided));
  if (!valid) throw new SignedRequestError("bad_signature", "signed_request signature does not match");

  let json: unknown;
  let text: string;
  try {
    text = Buffer.from(payloadPart, "base64url").toString("utf8");
    json = JSON.parse(text);
  } catch {
    throw new SignedRequestError("malformed", "signed_request payload is not JSON");
  }
  const parsed = ZSignedRequestPayload.safeParse(json);
  if (!parsed.success) throw new SignedRequestError("malformed", "signed_request payload lacks algorithm, issued_at or user_id");
  const payload = parsed.data;
  // A bare JSON number past 2^53 was rounded by JSON.parse; the raw text still has every digit.
  const exactUserId = /"user_id"\s*:\s*(\d+)/.exec(text)?.[1];
  if (exactUserId) payload.user_id = exactUserId;
  if (payload.algorithm.toUpperCase() !== "HMAC-SHA256") {
    throw new SignedRequestError("unsupported_algorithm", `signed_request algorithm ${payload.algorithm.slice(0, 20)} is not HMAC-SHA256`);
  }

  const nowSec = Math.floor((opts.now ? opts.now() : Date.now()) / 1000);
  if (opts.checkExpires && payload.expires && payload.expires < nowSec) throw new SignedRequestError("expired", "signed_request has expired");
  if (opts.maxAgeSeconds !== undefined && payload.issued_at + opts.maxAgeSeconds < nowSec) {
    throw new SignedRequestError("expired", "signed_request is too old");
  }
  return payload;
}

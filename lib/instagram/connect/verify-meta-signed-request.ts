import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { parseSignedRequest, SignedRequestError, type TSignedRequestPayload } from "../signed-request";

/**
 * Meta's `signed_request`, checked in constant time against the Instagram app secret (Instagram
 * Login signs with it) and the Meta app secret when one is configured (Facebook Login). Any
 * failure is the same 400 for the caller; the reason goes to the log only.
 */
export function verifyMetaSignedRequest(signedRequest: string): TSignedRequestPayload {
  const e = env();
  const secrets = [e.INSTAGRAM_APP_SECRET, ...(e.META_APP_SECRET ? [e.META_APP_SECRET] : [])];
  try {
    return parseSignedRequest(signedRequest, secrets);
  } catch (err) {
    if (err instanceof SignedRequestError) throw new ApiError("bad_request", "signed_request is missing, malformed or not signed by Meta.");
    throw err;
  }
}

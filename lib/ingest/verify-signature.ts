import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: HMAC-SHA256 keyed with an app
 * secret over the raw request bytes. Meta signs the escaped-unicode body exactly as sent, so
 * this must see the bytes off the wire; re-serialised JSON will not match.
 *
 * Several secrets are accepted because Instagram Login deliveries are signed with the
 * Instagram app secret and Facebook Login deliveries with the Meta app secret (reference §0).
 */

const PREFIX = "sha256=";
const DIGEST_BYTES = 32;
const HEADER_LENGTH = PREFIX.length + DIGEST_BYTES * 2;

/** The decoded 32-byte digest from the header, or undefined if the header is not well formed. */
function decodeHeader(header: string | undefined): Buffer | undefined {
  if (typeof header !== "string") return undefined;
  const value = header.trim();
  // Length first: cheap, and a wrong length can never match.
  if (value.length !== HEADER_LENGTH) return undefined;
  if (value.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return undefined;
  // Buffer.from(…, "hex") stops at the first non-hex pair, so a short result means garbage.
  const digest = Buffer.from(value.slice(PREFIX.length), "hex");
  return digest.length === DIGEST_BYTES ? digest : undefined;
}

function matches(key: string | KeyObject, rawBody: Buffer, provided: Buffer): boolean {
  const expected = createHmac("sha256", key).update(rawBody).digest();
  // Both are 32 bytes here, so timingSafeEqual cannot throw on a length mismatch.
  return timingSafeEqual(expected, provided);
}

/**
 * True when `header` is a valid signature of `rawBody` under any of `secrets`. Empty secrets
 * are ignored: an HMAC keyed with "" is something anyone can compute.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, secrets: string[]): boolean {
  const provided = decodeHeader(header);
  if (!provided) return false;
  for (const secret of secrets) {
    if (secret && matches(secret, rawBody, provided)) return true;
  }
  return false;
}

/**
 * Same check with the secrets turned into KeyObjects once, for the ingest server that verifies
 * every delivery with the same secrets.
 */
export function createSignatureVerifier(secrets: string[]): (rawBody: Buffer, header: string | undefined) => boolean {
  const keys = secrets.filter((s) => s.length > 0).map((s) => createSecretKey(Buffer.from(s, "utf8")));
  return (rawBody, header) => {
    const provided = decodeHeader(header);
    if (!provided) return false;
    for (const key of keys) {
      if (matches(key, rawBody, provided)) return true;
    }
    return false;
  };
}

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The OAuth `state` for "Connect Instagram": it ties the callback to the tenant and user who
 * started the flow and expires, so a forged or replayed-late callback cannot attach an account to
 * someone else's workspace. Format: `<b64url JSON payload>.<b64url HMAC-SHA256>`.
 * Single use is the caller's job (store `nonce` when issuing, delete it on the callback).
 */

export type OAuthStatePayload = { tenantId: string; userId: string; nonce: string; exp: number };
export type OAuthStateErrorCode = "malformed" | "bad_signature" | "expired";

export class OAuthStateError extends Error {
  override name = "OAuthStateError";
  constructor(
    readonly code: OAuthStateErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ZPayload = z.object({
  tenantId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  nonce: z.string().min(16).max(64),
  /** Expiry, epoch seconds. */
  exp: z.number().int().positive(),
});

/** Domain separation: the same server secret may sign other things; this MAC means only "OAuth state". */
const CONTEXT = "replyflow.oauth-state.v1.";
const DEFAULT_TTL_MS = 10 * 60_000;
const MAX_STATE_LENGTH = 1_024;

function mac(secret: string, payloadPart: string): Buffer {
  return createHmac("sha256", secret).update(CONTEXT).update(payloadPart).digest();
}

function secretList(secret: string | string[]): string[] {
  const list = (Array.isArray(secret) ? secret : [secret]).filter((s) => s.length > 0);
  if (list.length === 0) throw new Error("OAuth state secret is empty");
  return list;
}

export function createOAuthState(
  secret: string | string[],
  who: { tenantId: string; userId: string },
  opts: { ttlMs?: number; now?: () => number } = {},
): { state: string; payload: OAuthStatePayload } {
  const now = opts.now ? opts.now() : Date.now();
  const payload = ZPayload.parse({
    tenantId: who.tenantId,
    userId: who.userId,
    nonce: randomBytes(16).toString("base64url"),
    exp: Math.ceil((now + (opts.ttlMs ?? DEFAULT_TTL_MS)) / 1000),
  });
  const payloadPart = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  // The first secret signs; the others are only accepted on verify (rotation).
  const signature = mac(secretList(secret)[0]!, payloadPart).toString("base64url");
  return { state: `${payloadPart}.${signature}`, payload };
}

/** Verifies signature then expiry; throws OAuthStateError. */
export function verifyOAuthState(secret: string | string[], state: string, opts: { now?: () => number } = {}): OAuthStatePayload {
  if (typeof state !== "string" || state.length === 0 || state.length > MAX_STATE_LENGTH) {
    throw new OAuthStateError("malformed", "OAuth state is missing or too long");
  }
  const parts = state.split(".");
  const [payloadPart, sigPart] = parts;
  if (parts.length !== 2 || !payloadPart || !sigPart || !/^[A-Za-z0-9_-]+$/.test(payloadPart + sigPart)) {
    throw new OAuthStateError("malformed", "OAuth state is not <payload>.<signature>");
  }
  const provided = Buffer.from(sigPart, "base64url");
  const valid = secretList(secret).some((s) => {
    const expected = mac(s, payloadPart);
    return expected.length === provided.length && timingSafeEqual(expected, provided);
  });
  if (!valid) throw new OAuthStateError("bad_signature", "OAuth state signature does not match");

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    throw new OAuthStateError("malformed", "OAuth state payload is not JSON");
  }
  const parsed = ZPayload.safeParse(json);
  if (!parsed.success) throw new OAuthStateError("malformed", "OAuth state payload is incomplete");
  const nowSec = Math.floor((opts.now ? opts.now() : Date.now()) / 1000);
  if (parsed.data.exp <= nowSec) throw new OAuthStateError("expired", "OAuth state has expired; start the connection again");
  return parsed.data;
}

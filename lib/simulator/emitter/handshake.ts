import type { Rng } from "../rng";
import { request } from "./transport";

export type HandshakeResult = {
  ok: boolean;
  status: number;
  challenge: string;
  body: string;
  /** Why it failed, in words for a developer; null when ok. */
  reason: string | null;
};

/**
 * Meta's subscription check (reference §1.2): GET the callback with hub.mode=subscribe, a
 * random numeric hub.challenge and the verify token; only a 200 whose body is exactly the
 * challenge passes.
 */
export async function verifyCallback(callbackUrl: string, verifyToken: string, timeoutMs: number, rng: Rng): Promise<HandshakeResult> {
  const challenge = String(100_000_000 + rng.int(1_900_000_000));
  const url = new URL(callbackUrl);
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.challenge", challenge);
  url.searchParams.set("hub.verify_token", verifyToken);
  const res = await request(url, { method: "GET", timeoutMs, headers: { "user-agent": "facebookplatform/1.0 (+http://developers.facebook.com)" } });
  let reason: string | null = null;
  if (res.error) reason = `request failed: ${res.error}`;
  else if (res.status !== 200) reason = `callback answered HTTP ${res.status}`;
  else if (res.body !== challenge) reason = "the body was not exactly the hub.challenge value";
  return { ok: reason === null, status: res.status, challenge, body: res.body.slice(0, 200), reason };
}

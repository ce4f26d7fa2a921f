import { ApiError } from "@/lib/api/errors";
import { key, redis } from "@/lib/redis";
import type { OAuthStatePayload } from "../oauth-state";

/**
 * Makes a verified state single-use: its nonce is claimed with SET NX for as long as the state
 * could still verify, so a callback URL replayed from history, a log or a second tab is
 * refused even within its ten minutes.
 */
export async function claimConnectState(payload: OAuthStatePayload, now = Date.now()): Promise<void> {
  const ttlMs = Math.max(1_000, payload.exp * 1000 - now + 60_000);
  const claimed = await redis().set(key("ig", "oauth-nonce", payload.nonce), "1", "PX", ttlMs, "NX");
  if (claimed !== "OK") throw new ApiError("conflict", "This connection link was already used. Start again from the accounts page.");
}

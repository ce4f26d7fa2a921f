import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { OAuthStateError, verifyOAuthState, type OAuthStatePayload } from "../oauth-state";

/**
 * Checks the `state` Instagram hands back: our signature and not expired. Single use is
 * claimConnectState's job, done once the person returning is known to be the one who started.
 */
export function verifyConnectState(state: string | undefined, now = Date.now()): OAuthStatePayload {
  try {
    return verifyOAuthState(env().AUTH_SECRET, state ?? "", { now: () => now });
  } catch (err) {
    if (err instanceof OAuthStateError && err.code === "expired") {
      throw new ApiError("gone", "This connection attempt has expired. Start again from the accounts page.");
    }
    throw new ApiError("bad_request", "This connection link is not valid. Start again from the accounts page.");
  }
}

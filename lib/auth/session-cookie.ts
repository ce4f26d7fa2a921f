import { env } from "@/lib/env";

/**
 * The session cookie's name and flags follow APP_URL: `__Secure-` and Secure over HTTPS,
 * plain over http://localhost. next-auth derives the JWT encryption salt from the name, so
 * everything that encodes or decodes a session (lib/auth, tests) asks here.
 */
export function sessionCookie(): { name: string; secure: boolean } {
  const secure = new URL(env().APP_URL).protocol === "https:";
  return { name: secure ? "__Secure-authjs.session-token" : "authjs.session-token", secure };
}

/** Fourteen days from sign-in; no sliding renewal, so a stolen cookie has a bounded life. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 3600;

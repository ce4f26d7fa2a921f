import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { rootLogger } from "@/lib/logger";
import { requestMeta } from "@/lib/security/request-meta";
import { authenticateCredentials, SignInRateLimited } from "./authenticate-credentials";
import { loadSessionUser } from "./session";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./session-cookie";

/** Reaches the sign-in page as `?error=CredentialsSignin&code=rate_limited`, and server actions as this class. */
export class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * next-auth (Auth.js v5) with JWT sessions and no server-side session store. The token holds
 * the user id and nothing else: no email, no roles, no workspace. Proxy.ts does not use
 * next-auth at all (it only sets headers and checks CSRF), so there is no edge-safe split.
 */
export function buildAuthConfig(): NextAuthConfig {
  const cookie = sessionCookie();
  const log = rootLogger().child({ component: "next-auth" });
  return {
    secret: env().AUTH_SECRET,
    // Self-hosted behind our own proxy: the Host header is ours to trust (README "Auth").
    trustHost: true,
    useSecureCookies: cookie.secure,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          try {
            return await authenticateCredentials(credentials, requestMeta(request.headers));
          } catch (err) {
            if (err instanceof SignInRateLimited) throw new RateLimitedSignIn(err.retryAfterSeconds);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      // Called at sign-in (with `user`) and whenever next-auth re-issues the cookie. Session
      // data from `update()` is never read: it comes from the client (next-auth #11694).
      async jwt({ token, user }) {
        if (user?.id) return { sub: user.id };
        if (!token.sub) return null;
        const current = await loadSessionUser(token.sub, typeof token.iat === "number" ? token.iat : 0);
        return current ? { sub: current.id } : null;
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub ?? "" } } as typeof session;
      },
    },
    logger: {
      error(error) {
        // A failed sign-in is an expected outcome, logged by authenticateCredentials; the
        // error's cause is never logged because it can hold the submitted credentials.
        if (error instanceof CredentialsSignin) return;
        log.error({ err: { name: error.name, message: error.message, type: (error as { type?: string }).type } }, "next-auth error");
      },
      warn(code) {
        log.warn({ code }, "next-auth warning");
      },
      debug() {
        // Auth.js debug output includes request bodies: never enabled.
      },
    },
  };
}

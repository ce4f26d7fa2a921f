import { getToken } from "next-auth/jwt";
import { primary } from "@/lib/db";
import { env } from "@/lib/env";
import { rootLogger } from "@/lib/logger";
import { sessionCookie } from "./session-cookie";

export type SessionUser = { id: string; email: string; name: string | null; lastTenantId: string | null };

/**
 * The signed-in user behind a request, or null. The JWT only says who the user is (`sub`);
 * everything else — that the user still exists, that the session predates no password reset,
 * and later their roles — is read from the database on every request, so removing a member or
 * resetting a password takes effect on the very next request.
 */
export async function readSessionUser(headers: Headers): Promise<SessionUser | null> {
  const cookie = sessionCookie();
  const token = await getToken({
    req: { headers },
    secret: env().AUTH_SECRET,
    secureCookie: cookie.secure,
    cookieName: cookie.name,
    salt: cookie.name,
    // A forged or stale cookie is an anonymous request, not an error worth a stack trace.
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
  });
  if (!token?.sub) return null;
  return loadSessionUser(token.sub, typeof token.iat === "number" ? token.iat : 0);
}

/** The user for a decoded token, unless it was issued before the user's last password reset. */
export async function loadSessionUser(userId: string, issuedAtSeconds: number): Promise<SessionUser | null> {
  const user = await primary().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      lastTenantId: true,
      passwordResetTokens: { where: { usedAt: { not: null } }, orderBy: { usedAt: "desc" }, take: 1, select: { usedAt: true } },
    },
  });
  if (!user) return null;
  const resetAt = user.passwordResetTokens[0]?.usedAt;
  if (resetAt && issuedAtSeconds < Math.floor(resetAt.getTime() / 1000)) {
    rootLogger().debug({ userId }, "session issued before a password reset refused");
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, lastTenantId: user.lastTenantId };
}

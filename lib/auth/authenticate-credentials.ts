import { primary } from "@/lib/db";
import { rootLogger } from "@/lib/logger";
import { checkWebLimit, secondsUntil } from "@/lib/ratelimit/web-limits";
import type { RequestMeta } from "@/lib/security/request-meta";
import { sha256Hex } from "@/lib/security/tokens";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import { ZSignIn } from "./schemas";

export class SignInRateLimited extends Error {
  override name = "SignInRateLimited";
  constructor(readonly retryAfterSeconds: number) {
    super("too many sign-in attempts");
  }
}

export type AuthenticatedUser = { id: string; email: string; name: string | null };

/**
 * Email + password → user, or null. Every attempt counts against the caller's IP, right or
 * wrong, so guessing stops after a handful whatever the outcome. Unknown emails cost the same
 * argon2 time as wrong passwords. Failed attempts log a hash of the email, never the email
 * itself: people type passwords into the email field.
 */
export async function authenticateCredentials(raw: unknown, meta: RequestMeta): Promise<AuthenticatedUser | null> {
  const log = rootLogger().child({ ip: meta.ip });
  const verdict = await checkWebLimit("signIn", meta.ip ?? "unknown");
  if (!verdict.allowed) {
    log.warn("sign-in refused by the rate limit");
    throw new SignInRateLimited(secondsUntil(verdict.resetAt));
  }
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await primary().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !ok) {
    log.info({ emailHash: sha256Hex(email).slice(0, 16), reason: user ? "wrong_password" : "unknown_email" }, "sign-in failed");
    return null;
  }
  log.info({ userId: user.id }, "signed in");
  return { id: user.id, email: user.email, name: user.name };
}

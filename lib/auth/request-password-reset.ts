import { enforceLimit } from "@/lib/api/rate-limit";
import { primary } from "@/lib/db";
import { env } from "@/lib/env";
import { rootLogger } from "@/lib/logger";
import { sendMail } from "@/lib/mail/send-mail";
import { passwordResetMail } from "@/lib/mail/templates/password-reset";
import type { RequestMeta } from "@/lib/security/request-meta";
import { randomToken, sha256Hex } from "@/lib/security/tokens";
import { ZRequestPasswordReset } from "./schemas";

export const RESET_TOKEN_TTL_MINUTES = 60;

/**
 * Emails a single-use reset link valid for an hour, replacing any earlier unused one. The
 * answer is the same whether the email has an account or not, so the form reveals nothing.
 */
export async function requestPasswordReset(input: unknown, meta: RequestMeta): Promise<void> {
  await enforceLimit("passwordReset", meta.ip ?? "unknown");
  const { email } = ZRequestPasswordReset.parse(input);
  const log = rootLogger().child({ ip: meta.ip });
  const user = await primary().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) {
    log.info({ emailHash: sha256Hex(email).slice(0, 16) }, "password reset asked for an unknown email");
    return;
  }
  const token = randomToken();
  await primary().$transaction([
    primary().passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } }),
    primary().passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000) },
    }),
  ]);
  const url = new URL("/reset-password", env().APP_URL);
  url.searchParams.set("token", token);
  await sendMail(email, passwordResetMail({ url: url.toString(), expiresInMinutes: RESET_TOKEN_TTL_MINUTES }), log);
  log.info({ userId: user.id }, "password reset requested");
}

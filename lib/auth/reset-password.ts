import { enforceLimit } from "@/lib/api/rate-limit";
import { ApiError } from "@/lib/api/errors";
import { primary } from "@/lib/db";
import { rootLogger } from "@/lib/logger";
import type { RequestMeta } from "@/lib/security/request-meta";
import { sha256Hex } from "@/lib/security/tokens";
import { hashPassword } from "./password";
import { ZResetPassword } from "./schemas";

const INVALID = "This reset link is invalid, used or expired. Ask for a new one.";

/**
 * Sets a new password from an emailed token. The token is claimed with a conditional update,
 * so two submissions of one link cannot both succeed; every session issued before the reset
 * stops working (lib/auth/session.ts compares its issue time with the token's `usedAt`).
 */
export async function resetPassword(input: unknown, meta: RequestMeta): Promise<{ userId: string }> {
  await enforceLimit("passwordReset", meta.ip ?? "unknown");
  const { token, password } = ZResetPassword.parse(input);
  const row = await primary().passwordResetToken.findUnique({ where: { tokenHash: sha256Hex(token) } });
  const now = new Date();
  if (!row || row.usedAt || row.expiresAt <= now) throw new ApiError("gone", INVALID);
  const passwordHash = await hashPassword(password);
  await primary().$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new ApiError("gone", INVALID);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    // Receiving the email proves the address is theirs.
    await tx.user.updateMany({ where: { id: row.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  });
  rootLogger().info({ userId: row.userId, ip: meta.ip }, "password reset");
  return { userId: row.userId };
}

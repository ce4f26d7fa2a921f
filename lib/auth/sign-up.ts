import { enforceLimit } from "@/lib/api/rate-limit";
import { ApiError } from "@/lib/api/errors";
import { isUniqueViolation, primary } from "@/lib/db";
import { rootLogger } from "@/lib/logger";
import type { RequestMeta } from "@/lib/security/request-meta";
import { hashPassword } from "./password";
import { ZSignUp } from "./schemas";

/** Creates an account. The caller signs the new user in (through next-auth) afterwards. */
export async function signUp(input: unknown, meta: RequestMeta): Promise<{ id: string; email: string }> {
  await enforceLimit("signUp", meta.ip ?? "unknown");
  const data = ZSignUp.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    const user = await primary().user.create({
      data: { email: data.email, name: data.name ?? null, passwordHash },
      select: { id: true, email: true },
    });
    rootLogger().info({ userId: user.id, ip: meta.ip }, "signed up");
    return user;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", "An account with this email already exists. Sign in instead.");
    throw err;
  }
}

import { z } from "zod";

/** Emails compare case-insensitively everywhere: stored and looked up trimmed and lower-cased. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

/** Long passphrases welcome; the upper bound only keeps hashing cost bounded. */
export const ZPassword = z.string().min(10, "Use at least 10 characters").max(256, "Use at most 256 characters");

export const ZSignUp = z.object({
  name: z.string().trim().max(100, "Use at most 100 characters").optional().transform((v) => v || undefined),
  email: ZEmail,
  password: ZPassword,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({ email: ZEmail, password: z.string().min(1).max(256) });
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZRequestPasswordReset = z.object({ email: ZEmail });

export const ZResetPassword = z.object({ token: z.string().min(20).max(100), password: ZPassword });
export type TResetPassword = z.infer<typeof ZResetPassword>;

/** Where to go after signing in: only paths on this site, never `//evil.example` or a full URL. */
export function safeNextPath(raw: unknown, fallback = "/workspaces"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  return raw.length > 500 ? fallback : raw;
}

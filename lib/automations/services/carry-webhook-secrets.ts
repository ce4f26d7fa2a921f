import type { TAction } from "../schema";

/**
 * Responses never show webhook secrets, so a client that edits an automation and sends back
 * what it read has no secret to send. A webhook action without one keeps the secret stored for
 * the same URL; a new URL without a secret gets none (the receiver would otherwise verify with
 * a key it was never told about).
 */
export function carryWebhookSecrets(actions: TAction[], stored: unknown): TAction[] {
  const byUrl = new Map<string, string>();
  if (Array.isArray(stored)) {
    for (const a of stored as unknown[]) {
      const w = a as { type?: unknown; url?: unknown; secret?: unknown };
      if (w?.type === "webhook" && typeof w.url === "string" && typeof w.secret === "string") byUrl.set(w.url, w.secret);
    }
  }
  return actions.map((a) => {
    if (a.type !== "webhook" || a.secret !== undefined) return a;
    const secret = byUrl.get(a.url);
    return secret ? { ...a, secret } : a;
  });
}

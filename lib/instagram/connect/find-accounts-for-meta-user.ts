import { primary } from "@/lib/db";

/**
 * The account rows Meta's callbacks mean. Meta names the person by the app-scoped id the code
 * exchange returned (stored as appScopedUserId); the professional id is matched too, because
 * Meta's pages disagree on which one these callbacks carry. A global lookup — the callback
 * names no workspace — returning only what is needed to act inside the owning tenant.
 */
export async function findAccountsForMetaUser(userId: string) {
  return primary().instagramAccount.findMany({
    where: { OR: [{ appScopedUserId: userId }, { igUserId: userId }] },
    select: { id: true, tenantId: true, status: true, connectedAt: true },
    orderBy: { connectedAt: "desc" },
    take: 10,
  });
}

/**
 * A signed_request issued before the account's latest connection refers to an authorization
 * that no longer exists: acting on it would cut off an account the person just reconnected.
 */
export function issuedBeforeConnection(issuedAtSeconds: number, connectedAt: Date): boolean {
  return issuedAtSeconds * 1000 < connectedAt.getTime() - 1_000;
}

import { primary } from "@/lib/db";

/**
 * The workspace holding an Instagram account, whichever it is. The connect flow's one
 * cross-tenant read, answering only "which tenant id", so a second workspace is refused before
 * anything about the account changes; the unique igUserId column stays the real guarantee.
 */
export async function findAccountOwner(igUserId: string): Promise<string | null> {
  const row = await primary().instagramAccount.findUnique({ where: { igUserId }, select: { tenantId: true } });
  return row?.tenantId ?? null;
}

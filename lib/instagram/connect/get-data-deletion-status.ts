import { primary } from "@/lib/db";

export type DataDeletionStatusView = { confirmationCode: string; status: "pending" | "completed"; requestedAt: Date; completedAt: Date | null };

/**
 * The public status page's one lookup. The unguessable confirmation code is the only key, and
 * the answer names no account, workspace or person: anyone holding the link may read it.
 */
export async function getDataDeletionStatus(confirmationCode: string): Promise<DataDeletionStatusView | null> {
  if (!/^[A-Za-z0-9_-]{8,32}$/.test(confirmationCode)) return null;
  return primary().dataDeletionRequest.findUnique({
    where: { confirmationCode },
    select: { confirmationCode: true, status: true, requestedAt: true, completedAt: true },
  });
}

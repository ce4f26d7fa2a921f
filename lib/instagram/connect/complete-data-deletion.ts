import { primary } from "@/lib/db";

/** Marks a data-deletion request done; its status page says so from then on. */
export async function completeDataDeletion(deletionRequestId: string, contactsErased: number): Promise<void> {
  await primary().dataDeletionRequest.updateMany({
    where: { id: deletionRequestId, status: "pending" },
    data: { status: "completed", completedAt: new Date(), contactsErased },
  });
}

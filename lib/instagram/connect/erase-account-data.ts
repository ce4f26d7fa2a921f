import { executeTenantRaw, TENANT } from "@/lib/db/raw";
import type { TenantContext } from "@/lib/tenancy/context";

const BATCH = 500;

/**
 * Erases what Replyflow holds about the people an account talked to: its contacts and
 * everything hanging off them (runs, outbound messages and their tracked links), and the
 * payload and sender of its stored webhook events. Automations, templates and aggregate
 * statistics stay: they describe the business, not the people. Batched, so a huge account
 * never holds one giant transaction; re-running after a crash just continues.
 */
export async function eraseAccountData(ctx: TenantContext, accountId: string): Promise<{ contactsErased: number }> {
  const db = ctx.db;
  const where = { accountId };
  await drain(() => db.outboundMessage.findMany({ where, select: { id: true }, take: BATCH }), (ids) => db.outboundMessage.deleteMany({ where: { id: { in: ids } } }));
  await drain(() => db.automationRun.findMany({ where, select: { id: true }, take: BATCH }), (ids) => db.automationRun.deleteMany({ where: { id: { in: ids } } }));
  const contactsErased = await drain(
    () => db.contact.findMany({ where, select: { id: true }, take: BATCH }),
    (ids) => db.contact.deleteMany({ where: { id: { in: ids } } }),
  );
  // Raw SQL because the JSON column must become SQL NULL; batched with LIMIT like the deletes.
  const execute = executeTenantRaw(ctx.tenant.id);
  for (;;) {
    const changed = await execute`UPDATE WebhookEvent SET payload = NULL, payloadExpiresAt = NULL, senderId = ''
      WHERE tenantId = ${TENANT} AND accountId = ${accountId} AND (payload IS NOT NULL OR senderId <> '') LIMIT ${BATCH}`;
    if (changed === 0) break;
  }
  ctx.log.info({ accountId, contactsErased }, "account data erased");
  return { contactsErased };
}

/** Runs `apply` on batches from `next` until none is left; returns how many rows it touched. */
async function drain<Id>(next: () => Promise<{ id: Id }[]>, apply: (ids: Id[]) => Promise<unknown>): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await next();
    if (rows.length === 0) return total;
    await apply(rows.map((r) => r.id));
    total += rows.length;
  }
}

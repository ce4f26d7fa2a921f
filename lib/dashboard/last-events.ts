import type { TenantContext } from "@/lib/tenancy/context";

/**
 * When each account's newest webhook event arrived — the "is Instagram still talking to us?"
 * signal. One (tenantId, accountId, receivedAt) index probe per account. The account row's
 * own `lastWebhookAt` is taken too when it is newer, whichever part of the pipeline stamps it.
 */
export async function lastEventTimes(ctx: TenantContext, accounts: { id: string; lastWebhookAt: Date | null }[]): Promise<Map<string, Date | null>> {
  const rows = await Promise.all(
    accounts.map((a) => ctx.read.webhookEvent.findFirst({ where: { accountId: a.id }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } })),
  );
  return new Map(
    accounts.map((a, i) => {
      const fromEvents = rows[i]?.receivedAt ?? null;
      const newest = [fromEvents, a.lastWebhookAt].filter((d): d is Date => !!d).sort((x, y) => y.getTime() - x.getTime())[0] ?? null;
      return [a.id, newest];
    }),
  );
}

import { queryTenantRaw, TENANT } from "./index";

export type HourlyRow = { hour: number; status: string; n: bigint | number };

/**
 * Per-hour counts since `from` for the overview's 24-hour chart: webhook events received,
 * sends by status, link clicks. Each is one GROUP BY over a (tenantId, <time>) index range;
 * the hour is returned as hours since the epoch (DATETIME arithmetic, so no session time zone
 * is involved) and the caller never parses dates from SQL. Raw
 * because Prisma's groupBy cannot group by an expression.
 */
export async function hourlyActivity(tenantId: string, from: Date): Promise<{ events: HourlyRow[]; messages: HourlyRow[]; clicks: HourlyRow[] }> {
  const raw = queryTenantRaw<HourlyRow>(tenantId, { stale: true });
  const [events, messages, clicks] = await Promise.all([
    raw`SELECT TIMESTAMPDIFF(HOUR, '1970-01-01 00:00:00', receivedAt) AS hour, 'event' AS status, COUNT(*) AS n
          FROM WebhookEvent WHERE tenantId = ${TENANT} AND receivedAt >= ${from} GROUP BY hour`,
    raw`SELECT TIMESTAMPDIFF(HOUR, '1970-01-01 00:00:00', createdAt) AS hour, status, COUNT(*) AS n
          FROM OutboundMessage WHERE tenantId = ${TENANT} AND createdAt >= ${from} GROUP BY hour, status`,
    raw`SELECT TIMESTAMPDIFF(HOUR, '1970-01-01 00:00:00', clickedAt) AS hour, 'click' AS status, COUNT(*) AS n
          FROM LinkClick WHERE tenantId = ${TENANT} AND clickedAt >= ${from} GROUP BY hour`,
  ]);
  return { events, messages, clicks };
}

import { getDb, primary } from "@/lib/db";

/**
 * A tenant with a realistic activity history, inserted fast: `rows` webhook events, as many
 * runs and as many outbound messages spread over `historyDays`, plus accounts, automations and
 * contacts. Used by `npm run bench:api` (1,000,000 rows) and by the e2e page-load measurement
 * (100,000). Multi-row INSERTs of BATCH rows: an order of magnitude faster than createMany.
 * The database must be fresh (ids start at 1).
 */
export type SeedActivityOptions = {
  slug: string;
  name: string;
  planId: string;
  rows: number;
  accounts?: number;
  automations?: number;
  historyDays?: number;
  /** No message left queued (the e2e run has a live worker that would try to send them). */
  settled?: boolean;
  log?: (line: string) => void;
};

export const BATCH = 5_000;

/** Literal SQL for generated values (numbers, dates and fixed strings the seed itself writes). */
const lit = (v: string | number | bigint | Date | null): string =>
  v === null ? "NULL" : v instanceof Date ? `'${v.toISOString().slice(0, 23).replace("T", " ")}'` : typeof v === "string" ? `'${v.replace(/\\/g, "\\\\").replace(/'/g, "''")}'` : String(v);

async function insertRows(table: string, columns: string[], total: number, row: (i: number) => (string | number | bigint | Date | null)[], log?: (l: string) => void) {
  const started = performance.now();
  for (let from = 0; from < total; from += BATCH) {
    const values: string[] = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) values.push(`(${row(i).map(lit).join(",")})`);
    await primary().$executeRawUnsafe(`INSERT INTO ${table} (${columns.join(",")}) VALUES ${values.join(",")}`);
  }
  log?.(`  ${table}: ${total.toLocaleString("en-US")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export function contactCount(rows: number, automations: number): number {
  // A multiple of the automation count, so row i, its automation and its contact always share one account.
  return Math.max(automations, Math.floor(Math.min(20_000, Math.max(100, rows / 5)) / automations) * automations);
}

export async function seedActivityTenant(o: SeedActivityOptions): Promise<{ tenantId: string; contacts: number }> {
  const ROWS = o.rows;
  const ACCOUNTS = o.accounts ?? 5;
  const AUTOMATIONS = o.automations ?? 20;
  const CONTACTS = contactCount(ROWS, AUTOMATIONS);
  const HISTORY_MS = (o.historyDays ?? 90) * 86_400_000;
  const tenant = await primary().tenant.create({ data: { name: o.name, slug: o.slug, planId: o.planId } });
  const t = tenant.id;
  const { db } = getDb(t);
  await db.instagramAccount.createMany({
    data: Array.from({ length: ACCOUNTS }, (_, i) => ({ tenantId: t, igUserId: `1784160${String(i).padStart(8, "0")}`, username: `${o.slug.replace(/-/g, "_")}_shop_${i}`, subscribedFields: ["comments", "messages"] })),
  });
  const accounts = (await db.instagramAccount.findMany({ select: { id: true }, orderBy: { igUserId: "asc" } })).map((a) => a.id);
  const definition = {
    trigger: { type: "comment", posts: { mode: "any" } },
    conditions: { keywords: { mode: "contains_word", values: ["price"] } },
    actions: [{ type: "public_reply", variants: ["Sent you a DM!"] }, { type: "private_reply", message: { text: "Price list: https://shop.example/p" } }],
  };
  await db.automation.createMany({
    data: Array.from({ length: AUTOMATIONS }, (_, i) => ({
      tenantId: t, accountId: accounts[i % ACCOUNTS]!, name: `Automation ${String(i).padStart(2, "0")}`, status: "active" as const, triggerType: "comment",
      trigger: definition.trigger, conditions: definition.conditions, actions: definition.actions,
    })),
  });
  const automations = await db.automation.findMany({ select: { id: true, accountId: true }, orderBy: { name: "asc" } });
  const now = Date.now();
  const contactId = (i: number) => `bc${String(i % CONTACTS).padStart(10, "0")}`;
  await insertRows("Contact", ["id", "tenantId", "accountId", "igsid", "username", "tags", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt"], CONTACTS, (i) => {
    const seen = new Date(now - (i % 1000) * 60_000);
    return [contactId(i), t, automations[i % AUTOMATIONS]!.accountId, `9${String(i).padStart(15, "0")}`, `fan_${i}`, "[]", seen, seen, seen, seen];
  }, o.log);
  // Row i is (ROWS - i) steps back in time; every 10 consecutive rows share one millisecond,
  // so pages cut through groups of equal timestamps the way bursts of comments do.
  const step = HISTORY_MS / ROWS;
  const at = (i: number) => new Date(now - Math.floor((ROWS - i) / 10) * 10 * step);
  const auto = (i: number) => automations[i % AUTOMATIONS]!;
  await insertRows("WebhookEvent", ["id", "tenantId", "accountId", "dedupeKey", "kind", "senderId", "occurredAt", "receivedAt", "status"], ROWS, (i) => [
    i + 1, t, auto(i).accountId, `c:b${i}`, "comment", "9", at(i), at(i), "processed",
  ], o.log);
  await insertRows("AutomationRun", ["id", "tenantId", "accountId", "webhookEventId", "automationId", "contactId", "eventKind", "outcome", "reason", "commentId", "createdAt"], ROWS, (i) => {
    const skipped = i % 10 === 0;
    return [i + 1, t, auto(i).accountId, i + 1, auto(i).id, contactId(i), "comment", skipped ? "skipped" : "matched", skipped ? "Outside active hours (Mon–Fri 09:00–17:00 Europe/Berlin)" : 'Matched keyword "price"', `b${i}`, at(i)];
  }, o.log);
  const statusOf = (i: number) => (i % 20 === 0 ? "failed" : i % 33 === 0 ? "skipped" : i % 50 === 0 && !o.settled ? "queued" : "sent");
  const reasonOf = { failed: "Instagram refused the message (code 10): outside the allowed window", skipped: "Over your plan's monthly DM limit (300,000)" } as Record<string, string>;
  await insertRows(
    "OutboundMessage",
    ["id", "tenantId", "accountId", "automationId", "runId", "webhookEventId", "actionIndex", "contactId", "kind", "commentId", "content", "status", "attempts", "reason", "scheduledAt", "sentAt", "latencyMs", "createdAt", "updatedAt"],
    ROWS,
    (i) => {
      const status = statusOf(i);
      const sent = status === "sent";
      return [i + 1, t, auto(i).accountId, auto(i).id, i + 1, i + 1, 0, contactId(i), ["private_reply", "public_reply", "dm"][i % 3]!, `b${i}`, '{"text":"Price list: https://shop.example/r/Abc123"}', status, 1, reasonOf[status] ?? null, at(i), sent ? at(i) : null, sent ? 180 : null, at(i), at(i)];
    },
    o.log,
  );
  await primary().$executeRawUnsafe("ANALYZE TABLE Contact, WebhookEvent, AutomationRun, OutboundMessage");
  return { tenantId: t, contacts: CONTACTS };
}

import mariadb from "mariadb";

/**
 * Bulk rows for the outbound bench: contacts with open windows, one inbound DM event per
 * contact and one queued DM OutboundMessage per event — what the events processor would have
 * written, inserted in batches so the bench measures sending, not seeding.
 */
export type SeedAccount = { tenantId: string; accountId: string; automationId: string; igId: string; recipients: string[] };
export type SeededSend = { tenantId: string; accountId: string; automationId: string; outboundId: string; webhookEventId: string; contactId: string; recipient: string; text: string };

const CHUNK = 5_000;

async function batch(conn: mariadb.Connection, sql: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await conn.batch(sql, rows.slice(i, i + CHUNK));
}

export async function seedQueuedDms(databaseUrl: string, accounts: SeedAccount[]): Promise<SeededSend[]> {
  const u = new URL(databaseUrl);
  const conn = await mariadb.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || "root", database: u.pathname.slice(1), timezone: "Z" });
  const now = new Date();
  const contacts: unknown[][] = [];
  const events: unknown[][] = [];
  const sends: unknown[][] = [];
  const seeded: SeededSend[] = [];
  let n = 0;
  for (const a of accounts) {
    for (const recipient of a.recipients) {
      n++;
      const contactId = `bc${String(n).padStart(10, "0")}`;
      const text = `Thanks for writing! Your code is RF-${n}.`;
      contacts.push([contactId, a.tenantId, a.accountId, recipient, `fan_${n}`, now, now, now, now, now]);
      events.push([n, a.tenantId, a.accountId, `m:bench-${n}`, "dm", recipient, now, now, "processed", now]);
      const content = JSON.stringify({ parts: [{ message: { text }, echo: text }] });
      sends.push([n, a.tenantId, a.accountId, a.automationId, n, 0, contactId, "dm", recipient, content, now, now, now]);
      seeded.push({ tenantId: a.tenantId, accountId: a.accountId, automationId: a.automationId, outboundId: String(n), webhookEventId: String(n), contactId, recipient, text });
    }
  }
  try {
    await batch(conn, "INSERT INTO Contact (id, tenantId, accountId, igsid, username, firstSeenAt, lastSeenAt, lastInboundAt, awaitingReply, tags, optedOut, unreachable, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '[]', 0, 0, ?, ?)", contacts);
    await batch(conn, "INSERT INTO WebhookEvent (id, tenantId, accountId, dedupeKey, kind, senderId, occurredAt, receivedAt, status, processedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events);
    await batch(
      conn,
      "INSERT INTO OutboundMessage (id, tenantId, accountId, automationId, webhookEventId, actionIndex, contactId, kind, recipientIgsid, content, status, attempts, scheduledAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)",
      sends,
    );
  } finally {
    await conn.end();
  }
  return seeded;
}

import type { Redis } from "ioredis";
import { z } from "zod";
import { primary } from "@/lib/db";
import { key } from "@/lib/redis";

/**
 * Maps an Instagram account id (webhook entry.id) to the workspace and account row that own it,
 * for the ingest path, which must route every event without touching MySQL on the hot path.
 * Three layers: a few seconds in process memory, a Redis hash written whenever an account is
 * connected or changes status, and MySQL as the source of truth when Redis does not know (a
 * flushed Redis must never turn into dropped events).
 */

export const ZDirectoryEntry = z.object({
  tenantId: z.string(),
  accountId: z.string(),
  status: z.enum(["active", "reconnect_required", "paused", "disconnected"]),
});
export type TDirectoryEntry = z.infer<typeof ZDirectoryEntry>;

const directoryKey = () => key("ig", "directory");
const MEMORY_TTL_MS = 5_000;
const NEGATIVE_TTL_MS = 30_000;

type Cached = { entry: TDirectoryEntry | null; expires: number };

export class AccountDirectory {
  private memory = new Map<string, Cached>();
  constructor(private readonly redis: Redis) {}

  async resolve(igUserId: string): Promise<TDirectoryEntry | null> {
    const now = Date.now();
    const hit = this.memory.get(igUserId);
    if (hit && hit.expires > now) return hit.entry;

    const raw = await this.redis.hget(directoryKey(), igUserId);
    let entry: TDirectoryEntry | null = null;
    if (raw) {
      const parsed = ZDirectoryEntry.safeParse(JSON.parse(raw));
      entry = parsed.success ? parsed.data : null;
    }
    if (!entry) entry = await this.loadFromDatabase(igUserId);
    this.remember(igUserId, entry, now);
    return entry;
  }

  /** Called by every write that connects an account or changes its status. */
  async publish(igUserId: string, entry: TDirectoryEntry): Promise<void> {
    await this.redis.hset(directoryKey(), igUserId, JSON.stringify(entry));
    this.memory.delete(igUserId);
  }

  private async loadFromDatabase(igUserId: string): Promise<TDirectoryEntry | null> {
    // Global lookup by the globally unique Instagram id: the one place ingest reads MySQL, only
    // on a Redis miss, and it returns the owning tenant rather than trusting any input.
    const row = await primary().instagramAccount.findUnique({
      where: { igUserId },
      select: { id: true, tenantId: true, status: true },
    });
    if (!row) return null;
    const entry = { tenantId: row.tenantId, accountId: row.id, status: row.status };
    await this.redis.hset(directoryKey(), igUserId, JSON.stringify(entry));
    return entry;
  }

  private remember(igUserId: string, entry: TDirectoryEntry | null, now: number): void {
    if (this.memory.size > 50_000) this.memory.clear(); // bounded: a flood of unknown ids cannot grow it
    this.memory.set(igUserId, { entry, expires: now + (entry ? MEMORY_TTL_MS : NEGATIVE_TTL_MS) });
  }
}

/** Publishes one account row to the directory (connect, reconnect, status change, disconnect). */
export async function publishAccount(
  redis: Redis,
  row: { igUserId: string; tenantId: string; id: string; status: TDirectoryEntry["status"] },
): Promise<void> {
  await redis.hset(directoryKey(), row.igUserId, JSON.stringify({ tenantId: row.tenantId, accountId: row.id, status: row.status }));
}

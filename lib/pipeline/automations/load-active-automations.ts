import type { TAutomationCandidate } from "@/lib/automations/evaluate";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { redis } from "@/lib/redis";
import { automationKeys } from "./cache-keys";
import { parseDefinition } from "./parse-definition";

type StoredAutomation = {
  id: string;
  name: string;
  priority: number;
  version: number;
  createdAt: number;
  trigger: unknown;
  conditions: unknown;
  actions: unknown;
};
type CachedList = { gen: string; rows: StoredAutomation[] };

async function fromDatabase(tenantId: string, accountId: string): Promise<StoredAutomation[]> {
  const rows = await getDb(tenantId).db.automation.findMany({
    where: { accountId, status: "active", deletedAt: null },
    select: { id: true, name: true, priority: true, version: true, createdAt: true, trigger: true, conditions: true, actions: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.getTime() }));
}

/**
 * The account's active automations as engine candidates: from Redis (explicit TTL, bumped
 * generation on every write, see invalidate-automations.ts), else from MySQL and cached.
 */
export async function loadActiveAutomations(tenantId: string, accountId: string): Promise<TAutomationCandidate[]> {
  const [raw, gen] = await redis().mget(automationKeys.list(accountId), automationKeys.gen(accountId));
  const currentGen = gen ?? "0";
  let rows: StoredAutomation[] | undefined;
  if (raw) {
    const cached = JSON.parse(raw) as CachedList;
    if (cached.gen === currentGen) rows = cached.rows;
  }
  metrics().cache.inc({ cache: "automations", result: rows ? "hit" : "miss" });
  if (!rows) {
    rows = await fromDatabase(tenantId, accountId);
    const value: CachedList = { gen: currentGen, rows };
    await redis().set(automationKeys.list(accountId), JSON.stringify(value), "PX", env().AUTOMATION_CACHE_TTL_MS);
  }
  const out: TAutomationCandidate[] = [];
  for (const r of rows) {
    const definition = parseDefinition(r.id, r.version, r);
    if (definition) out.push({ id: r.id, name: r.name, priority: r.priority, version: r.version, createdAt: r.createdAt, definition });
  }
  return out;
}

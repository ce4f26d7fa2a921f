import { ZAutomationDefinition, type TAutomationDefinition } from "@/lib/automations/schema";
import { Lru } from "../cache/ttl-cache";

/**
 * Automation definitions are zod-parsed once per (id, version) per process: parsing runs the
 * template validator and the cross-field rules, far too much to repeat for every event. A
 * stored definition that no longer parses (a schema tightened since) yields null: the
 * automation is left out rather than failing every event of the account.
 */
const parsed = new Lru<TAutomationDefinition | null>(5_000);

export function parseDefinition(id: string, version: number, raw: { trigger: unknown; conditions: unknown; actions: unknown }): TAutomationDefinition | null {
  const k = `${id}:${version}`;
  const hit = parsed.get(k);
  if (hit !== undefined) return hit;
  const result = ZAutomationDefinition.safeParse(raw);
  const value = result.success ? result.data : null;
  parsed.set(k, value);
  return value;
}

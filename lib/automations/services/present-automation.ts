import type { FieldIssue } from "@/lib/api/errors";
import { collectDefinitionIssues } from "../definition-rules";
import { ZAutomationDefinition, type TAutomationDefinition } from "../schema";

export type AutomationRow = {
  id: string;
  accountId: string;
  name: string;
  status: "draft" | "active" | "paused";
  priority: number;
  triggerType: string;
  trigger: unknown;
  conditions: unknown;
  actions: unknown;
  version: number;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type AutomationCounters = { matched: number; skipped: number; sent: number; failed: number };

/**
 * Webhook signing secrets are write-only ("never shown again after saving"): responses say
 * whether one is set, and an update that leaves it out keeps the stored one
 * (carry-webhook-secrets.ts), so a client can send back what it read.
 */
function redactSecrets(actions: unknown): unknown {
  if (!Array.isArray(actions)) return actions;
  return actions.map((a: unknown) => {
    if (typeof a !== "object" || a === null || (a as { type?: unknown }).type !== "webhook") return a;
    const { secret, ...rest } = a as { secret?: unknown };
    return { ...rest, hasSecret: typeof secret === "string" && secret.length > 0 };
  });
}

export function presentAutomation(row: AutomationRow, counters?: AutomationCounters) {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    status: row.status,
    priority: row.priority,
    triggerType: row.triggerType,
    version: row.version,
    definition: { trigger: row.trigger, conditions: row.conditions, actions: redactSecrets(row.actions) },
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(counters ? { last7Days: counters } : {}),
  };
}
export type PresentedAutomation = ReturnType<typeof presentAutomation>;

/** The stored JSON as a definition, or null if it no longer satisfies the current schema. */
export function parseStoredDefinition(row: Pick<AutomationRow, "trigger" | "conditions" | "actions">): TAutomationDefinition | null {
  const parsed = ZAutomationDefinition.safeParse({ trigger: row.trigger, conditions: row.conditions, actions: row.actions });
  return parsed.success ? parsed.data : null;
}

/** The builder's yellow notes: combinations that are allowed but may fail at send time. */
export function definitionWarnings(def: TAutomationDefinition | null): FieldIssue[] {
  if (!def) return [{ path: "definition", code: "invalid_definition", message: "This automation no longer passes validation; open it in the builder and save it again" }];
  return collectDefinitionIssues(def)
    .filter((i) => i.severity === "warning")
    .map((i) => ({ path: ["definition", ...i.path].join("."), code: i.code, message: i.message }));
}

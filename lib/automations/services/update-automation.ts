import { ApiError, notFound } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import type { TUpdateAutomation } from "../schema";
import { armNextPost } from "../next-post";
import { carryWebhookSecrets } from "./carry-webhook-secrets";
import { refreshAutomationCache } from "./refresh-automation-cache";
import { definitionWarnings, parseStoredDefinition, presentAutomation } from "./present-automation";
import { versionConflict } from "./version-conflict";

function auditAction(input: TUpdateAutomation): string {
  const onlyStatus = input.status !== undefined && input.name === undefined && input.priority === undefined && input.definition === undefined;
  if (onlyStatus) return input.status === "active" ? "automation.activated" : input.status === "paused" ? "automation.paused" : "automation.drafted";
  return "automation.updated";
}

/**
 * Saves a change and bumps `version`. With `expectedVersion` the save only lands on that
 * version (409 otherwise); either way the UPDATE is conditional on the version it read, so two
 * concurrent saves can never both apply on top of the same version.
 */
export async function updateAutomation(ctx: TenantContext, automationId: string, input: TUpdateAutomation) {
  const row = await ctx.db.$transaction(async (tx) => {
    const current = await tx.automation.findFirst({ where: { id: automationId, deletedAt: null } });
    if (!current) throw notFound("No such automation in this workspace.");
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw versionConflict(input.expectedVersion, current.version);
    const def = input.definition ? { ...input.definition, actions: carryWebhookSecrets(input.definition.actions, current.actions) } : undefined;
    const stored = parseStoredDefinition(current);
    const activating = input.status === "active" && current.status !== "active";
    const baseTrigger = def?.trigger ?? stored?.trigger;
    const trigger = baseTrigger ? armNextPost(baseTrigger, { activating, now: Date.now(), previous: stored?.trigger, explicit: !!def }) : undefined;
    const triggerChanged = trigger !== undefined && JSON.stringify(trigger) !== JSON.stringify(stored?.trigger);
    // The engine skips a stored definition that no longer validates; switching one on would look
    // like it works and answer nothing.
    if (input.status === "active" && !def && !stored) {
      throw new ApiError("validation_failed", "This automation no longer passes validation; save a corrected definition before activating it.", {
        errors: [{ path: "definition", code: "invalid_definition", message: "Save a valid definition first" }],
      });
    }
    const { count } = await tx.automation.updateMany({
      where: { id: current.id, version: current.version, deletedAt: null },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(def ? { triggerType: def.trigger.type, conditions: def.conditions, actions: def.actions } : {}),
        ...(trigger && (def || triggerChanged) ? { trigger } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw versionConflict(input.expectedVersion ?? current.version, current.version + 1);
    const updated = await tx.automation.findUniqueOrThrow({ where: { id: current.id } });
    const changed = (["name", "status", "priority", "definition"] as const).filter((k) => input[k] !== undefined);
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenant.id,
        ...auditActor(ctx),
        action: auditAction(input),
        targetType: "automation",
        targetId: current.id,
        metadata: { changed, fromVersion: current.version, toVersion: updated.version, ...(input.status !== undefined ? { status: { from: current.status, to: updated.status } } : {}) },
      },
    });
    return updated;
  });
  await refreshAutomationCache(ctx, row.accountId);
  ctx.log.info({ automationId: row.id, version: row.version }, "automation updated");
  return { automation: presentAutomation(row), warnings: definitionWarnings(input.definition ?? parseStoredDefinition(row)) };
}

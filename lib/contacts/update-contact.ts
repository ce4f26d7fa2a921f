import { ApiError, notFound } from "@/lib/api/errors";
import { auditActor, type TenantContext } from "@/lib/tenancy/context";
import { presentContact, storedTags } from "./present-contact";
import type { TUpdateContact } from "./schemas";

const MAX_TAGS = 50;
const ATTEMPTS = 3;

function nextTags(current: string[], input: TUpdateContact): string[] {
  if (input.tags) return input.tags;
  const removed = new Set(input.removeTags ?? []);
  return [...new Set([...current.filter((t) => !removed.has(t)), ...(input.addTags ?? [])])];
}

/**
 * Tags and opt-out. Automations tag contacts too, so an add/remove is applied to the tags as
 * they are at write time: the UPDATE only lands if the row is unchanged since it was read,
 * and is retried on the fresh row otherwise.
 */
export async function updateContact(ctx: TenantContext, contactId: string, input: TUpdateContact) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const current = await ctx.db.contact.findUnique({ where: { id: contactId } });
    if (!current) throw notFound("No such contact in this workspace.");
    const before = storedTags(current.tags);
    const tags = nextTags(before, input);
    if (tags.length > MAX_TAGS) throw new ApiError("validation_failed", `A contact can have at most ${MAX_TAGS} tags.`, { errors: [{ path: "tags", code: "too_big", message: `At most ${MAX_TAGS} tags` }] });
    const updated = await ctx.db.$transaction(async (tx) => {
      const { count } = await tx.contact.updateMany({
        where: { id: current.id, updatedAt: current.updatedAt },
        data: { tags, ...(input.optedOut !== undefined ? { optedOut: input.optedOut } : {}) },
      });
      if (count === 0) return null;
      await tx.auditLog.create({
        data: {
          tenantId: ctx.tenant.id,
          ...auditActor(ctx),
          action: "contact.updated",
          targetType: "contact",
          targetId: current.id,
          metadata: { tags: { from: before, to: tags }, ...(input.optedOut !== undefined ? { optedOut: { from: current.optedOut, to: input.optedOut } } : {}) },
        },
      });
      return tx.contact.findUniqueOrThrow({ where: { id: current.id } });
    });
    if (updated) return { contact: presentContact(updated) };
  }
  throw new ApiError("conflict", "The contact kept changing while we saved; try again.");
}

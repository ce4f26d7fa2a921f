import { notFound } from "@/lib/api/errors";
import { NEWEST_FIRST } from "@/lib/activity/keyset";
import { MESSAGE_SELECT, presentMessage } from "@/lib/activity/present-message";
import { presentRun, RUN_SELECT } from "@/lib/activity/present-run";
import type { TenantContext } from "@/lib/tenancy/context";
import { presentContact } from "./present-contact";

const RECENT = 20;

/** A contact with their latest runs and messages (the (tenantId, contactId, createdAt) indexes). */
export async function getContact(ctx: TenantContext, contactId: string) {
  const [row, runs, messages] = await Promise.all([
    ctx.db.contact.findUnique({ where: { id: contactId } }),
    ctx.read.automationRun.findMany({ where: { contactId }, orderBy: NEWEST_FIRST, take: RECENT, select: RUN_SELECT }),
    ctx.read.outboundMessage.findMany({ where: { contactId }, orderBy: NEWEST_FIRST, take: RECENT, select: MESSAGE_SELECT }),
  ]);
  if (!row) throw notFound("No such contact in this workspace.");
  return { contact: presentContact(row), recentRuns: runs.map(presentRun), recentMessages: messages.map(presentMessage) };
}

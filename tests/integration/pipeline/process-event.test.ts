import type { Job } from "bullmq";
import { beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import type { TInboundEvent } from "@/lib/events/inbound-event";
import { createLogger } from "@/lib/logger";
import { invalidateAutomations } from "@/lib/pipeline/automations/invalidate-automations";
import { processEvent } from "@/lib/pipeline/events/process-event";
import { outboundJobId } from "@/lib/pipeline/jobs/send-outbound-job";
import { usagePeriod } from "@/lib/pipeline/usage/usage-period";
import { queue } from "@/lib/queue/queues";
import { useTestDatabase } from "../../helpers/isolation";
import { createAutomation, seedWorkspace } from "./harness";

const log = createLogger({ name: "test", level: "silent" });
let n = 0;

async function account(slug: string, plan: "free" | "business" = "business") {
  const tenant = await seedWorkspace(slug, plan);
  const row = await primary().instagramAccount.create({ data: { tenantId: tenant.id, igUserId: `1784150000${String(++n).padStart(7, "0")}`, username: "shop", subscribedFields: [] } });
  return { tenantId: tenant.id, accountId: row.id, igUserId: row.igUserId };
}

function run(a: { tenantId: string; accountId: string; igUserId: string }, event: Partial<TInboundEvent> & Pick<TInboundEvent, "kind" | "dedupeKey">) {
  const data = {
    tenantId: a.tenantId,
    accountId: a.accountId,
    igUserId: a.igUserId,
    receivedAt: Date.now(),
    event: { accountId: a.igUserId, occurredAt: Date.now(), senderId: "9001", senderUsername: "anna", standby: false, ...event },
  };
  return processEvent({ id: "t", name: "process-event", data } as unknown as Job, { log });
}

describe("the events processor", () => {
  beforeAll(() => useTestDatabase());

  it("records an event nothing listens to, with one run saying so", async () => {
    const a = await account("nothing");
    expect(await run(a, { kind: "story_mention", dedupeKey: "m:sm1", mid: "sm1" })).toMatchObject({ outcome: "processed", sends: 0 });
    const runs = await primary().automationRun.findMany({ where: { tenantId: a.tenantId } });
    expect(runs.map((r) => [r.automationId, r.outcome, r.reason])).toEqual([[null, "skipped", "No active automation listens to story mentions on @shop"]]);
    expect((await primary().webhookEvent.findFirstOrThrow({ where: { tenantId: a.tenantId } })).status).toBe("processed");
  });

  it("does not answer for a disconnected account, and says why", async () => {
    const a = await account("gone");
    await primary().instagramAccount.update({ where: { id: a.accountId }, data: { status: "disconnected" } });
    await createAutomation(a.tenantId, a.accountId, "Hi", { trigger: { type: "dm_any" }, actions: [{ type: "dm", message: { text: "hi" } }] });
    await run(a, { kind: "dm", dedupeKey: "m:d1", mid: "d1", text: "hello" });
    const runs = await primary().automationRun.findMany({ where: { tenantId: a.tenantId } });
    expect(runs.map((r) => r.reason)).toEqual(["@shop is disconnected from Replyflow, so nothing is sent"]);
    expect(await primary().outboundMessage.count({ where: { tenantId: a.tenantId } })).toBe(0);
    expect((await primary().webhookEvent.findFirstOrThrow({ where: { tenantId: a.tenantId } })).status).toBe("skipped");
  });

  it("opens the 24-hour window on a DM, clears 'awaiting an answer', records reactions without runs", async () => {
    const a = await account("window");
    const at = Date.now() - 60_000;
    await run(a, { kind: "comment", dedupeKey: "c:1", commentId: "1", text: "hi", occurredAt: at - 1_000 });
    const before = await primary().contact.findFirstOrThrow({ where: { tenantId: a.tenantId } });
    expect(before.lastInboundAt).toBeNull();
    await primary().contact.update({ where: { id: before.id }, data: { awaitingReply: true } });
    await run(a, { kind: "dm", dedupeKey: "m:x", mid: "x", text: "hello", occurredAt: at });
    const after = await primary().contact.findFirstOrThrow({ where: { id: before.id } });
    expect([after.lastInboundAt?.getTime(), after.awaitingReply, after.firstSeenAt.getTime()]).toEqual([at, false, at - 1_000]);
    expect(await run(a, { kind: "reaction", dedupeKey: "x:r", mid: "x", reaction: { action: "react", emoji: "❤" } })).toEqual({ outcome: "recorded" });
    expect(await primary().automationRun.count({ where: { tenantId: a.tenantId, eventKind: "reaction" } })).toBe(0);
  });

  it("tags the contact with the run, skips sends over the plan's quota, and replays only what is still queued", async () => {
    const a = await account("quota", "free");
    await createAutomation(a.tenantId, a.accountId, "Welcome", {
      trigger: { type: "dm_any" },
      actions: [{ type: "tag_contact", tags: ["lead"] }, { type: "dm", message: { text: "Welcome!" } }],
    });
    await run(a, { kind: "dm", dedupeKey: "m:q1", mid: "q1", text: "hi", senderId: "7001" });
    const first = await primary().outboundMessage.findFirstOrThrow({ where: { tenantId: a.tenantId } });
    expect(first.status).toBe("queued");
    expect(await queue("outbound").getJob(outboundJobId(String(first.id)))).toBeTruthy();
    expect((await primary().contact.findFirstOrThrow({ where: { tenantId: a.tenantId, igsid: "7001" } })).tags).toEqual(["lead"]);

    // The job vanished (Redis lost it after the commit): a redelivery of the same event brings it back.
    await (await queue("outbound").getJob(outboundJobId(String(first.id))))?.remove();
    expect(await run(a, { kind: "dm", dedupeKey: "m:q1", mid: "q1", text: "hi", senderId: "7001" })).toEqual({ outcome: "duplicate", requeued: 1 });
    expect(await queue("outbound").getJob(outboundJobId(String(first.id)))).toBeTruthy();

    await primary().usageCounter.update({ where: { tenantId_period: { tenantId: a.tenantId, period: usagePeriod(Date.now()) } }, data: { dmsSent: 1_000 } });
    await run(a, { kind: "dm", dedupeKey: "m:q2", mid: "q2", text: "hi again", senderId: "7002" });
    const second = await primary().outboundMessage.findFirstOrThrow({ where: { tenantId: a.tenantId, recipientIgsid: "7002" } });
    expect([second.status, second.reason]).toEqual(["skipped", "Over your plan's monthly DM limit (1,000)"]);
    expect(await queue("outbound").getJob(outboundJobId(String(second.id)))).toBeUndefined();
  });

  it("resumes an event a crash left 'received', and sees automation changes once they are invalidated", async () => {
    const a = await account("resume");
    await createAutomation(a.tenantId, a.accountId, "First", { trigger: { type: "dm_keyword" }, conditions: { keywords: { mode: "contains_word", values: ["price"] } }, actions: [{ type: "dm", message: { text: "1" } }] });
    await run(a, { kind: "dm", dedupeKey: "m:warm", mid: "warm", text: "nothing" }); // fills the cache
    await primary().webhookEvent.create({ data: { tenantId: a.tenantId, accountId: a.accountId, dedupeKey: "m:crash", kind: "dm", senderId: "9001", occurredAt: new Date(), status: "received" } });
    expect(await run(a, { kind: "dm", dedupeKey: "m:crash", mid: "crash", text: "price?" })).toMatchObject({ outcome: "processed", sends: 1 });

    // A new automation written without invalidation stays invisible (cached); invalidated, it answers.
    await primary().automation.create({
      data: { tenantId: a.tenantId, accountId: a.accountId, name: "Second", status: "active", priority: 5, triggerType: "dm_keyword", trigger: { type: "dm_keyword" }, conditions: { keywords: { mode: "contains_word", values: ["price"] } }, actions: [{ type: "dm", message: { text: "2" } }] },
    });
    await run(a, { kind: "dm", dedupeKey: "m:p1", mid: "p1", text: "price", senderId: "9101" });
    await invalidateAutomations(a.accountId);
    await run(a, { kind: "dm", dedupeKey: "m:p2", mid: "p2", text: "price", senderId: "9102" });
    const winners = await primary().automationRun.findMany({ where: { tenantId: a.tenantId, outcome: "matched", contact: { igsid: { in: ["9101", "9102"] } } }, include: { automation: true, contact: true }, orderBy: { id: "asc" } });
    expect(winners.map((w) => [w.contact?.igsid, w.automation?.name])).toEqual([["9101", "First"], ["9102", "Second"]]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../helpers/isolation";

// The unique keys that carry SPEC §5's guarantees, exercised through the real Prisma client.
describe("delivery guarantees held by the schema", () => {
  let tenantId: string;
  let otherTenantId: string;
  let accountId: string;
  let automationId: string;

  beforeAll(async () => {
    await useTestDatabase();
    const db = primary();
    const plan = await db.plan.create({
      data: { key: "free", name: "Free", monthlyDmLimit: 100, monthlyReplyLimit: 100, accountLimit: 1, memberLimit: 1, automationLimit: 3, retentionDays: 30 },
    });
    tenantId = (await db.tenant.create({ data: { name: "Café Ünïcødé 🍰", slug: "cafe", planId: plan.id } })).id;
    otherTenantId = (await db.tenant.create({ data: { name: "Other", slug: "other", planId: plan.id } })).id;
    accountId = (
      await db.instagramAccount.create({ data: { tenantId, igUserId: "17841400000000001", username: "cafe", subscribedFields: [] } })
    ).id;
    automationId = (
      await db.automation.create({
        data: { tenantId, accountId, name: "Price", triggerType: "comment", trigger: {}, conditions: {}, actions: [] },
      })
    ).id;
  });

  it("stores utf8mb4 text (emoji) intact", async () => {
    const t = await primary().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(t.name).toBe("Café Ünïcødé 🍰");
  });

  it("keeps one WebhookEvent per account and dedupe key", async () => {
    const data = { tenantId, accountId, dedupeKey: "c:1790001", kind: "comment", senderId: "u1", occurredAt: new Date() };
    await primary().webhookEvent.create({ data });
    await expect(primary().webhookEvent.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps one private reply per comment and one OutboundMessage per automation × event × action", async () => {
    const db = primary();
    const event = await db.webhookEvent.create({
      data: { tenantId, accountId, dedupeKey: "c:1790002", kind: "comment", senderId: "u2", occurredAt: new Date() },
    });
    const row = {
      tenantId, accountId, automationId, webhookEventId: event.id, actionIndex: 1, kind: "private_reply" as const,
      commentId: "1790002", privateReplyCommentId: "1790002", content: { text: "hi" },
    };
    await db.outboundMessage.create({ data: row });
    await expect(db.outboundMessage.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
    // A second automation still cannot privately reply to the same comment.
    const other = await db.automation.create({
      data: { tenantId, accountId, name: "Other", triggerType: "comment", trigger: {}, conditions: {}, actions: [] },
    });
    await expect(db.outboundMessage.create({ data: { ...row, automationId: other.id } })).rejects.toMatchObject({ code: "P2002" });
    // Public replies carry no private-reply key, so they do not collide with each other.
    await db.outboundMessage.create({ data: { ...row, actionIndex: 0, kind: "public_reply", privateReplyCommentId: null } });
    await db.outboundMessage.create({ data: { ...row, automationId: other.id, actionIndex: 0, kind: "public_reply", privateReplyCommentId: null } });
  });

  it("refuses a child row that points at a parent in another tenant", async () => {
    await expect(
      primary().automation.create({
        data: { tenantId: otherTenantId, accountId, name: "Cross", triggerType: "comment", trigger: {}, conditions: {}, actions: [] },
      }),
    ).rejects.toMatchObject({ code: "P2003" });
  });

  it("gives each Instagram account to one workspace only", async () => {
    await expect(
      primary().instagramAccount.create({ data: { tenantId: otherTenantId, igUserId: "17841400000000001", username: "cafe", subscribedFields: [] } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});

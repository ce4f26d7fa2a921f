import { describe, expect, it } from "vitest";
import type { TInboundEvent } from "@/lib/events/inbound-event";
import { seededRng } from "@/lib/automations/rng";
import { ZAutomationDefinition, type TAction } from "@/lib/automations/schema";
import { planActions, type PlanInput } from "@/lib/pipeline/events/plan-actions";

const NOW = Date.UTC(2026, 10, 20, 12);
const comment: TInboundEvent = {
  accountId: "ig1", kind: "comment", dedupeKey: "c:c1", occurredAt: NOW - 1_000, senderId: "u1", senderUsername: "anna",
  text: "PRICE", commentId: "c1", mediaId: "m1", standby: false,
};

function actions(list: unknown[]): TAction[] {
  return ZAutomationDefinition.parse({ trigger: { type: "comment", posts: { mode: "any" } }, actions: list }).actions;
}

function plan(list: unknown[], over: Partial<PlanInput> = {}) {
  let n = 0;
  return planActions({
    actions: actions(list),
    event: comment,
    contact: { username: "anna", name: "Anna Maria Rossi" },
    now: NOW,
    rng: seededRng("ig1:c:c1"),
    lastVariantIndex: null,
    appUrl: "https://app.example",
    newCode: () => `k${++n}`,
    quota: { dmUsed: 0, dmLimit: 1_000, replyUsed: 0, replyLimit: 1_000 },
    ...over,
  });
}

describe("planning the winner's actions as sends", () => {
  it("renders a public reply and a private reply for a comment, with the fields each needs", () => {
    const p = plan([
      { type: "public_reply", variants: ["Thanks {{username}}!"] },
      { type: "private_reply", message: { text: "Hi {{first_name|there}}, prices: https://shop.example/p" } },
    ]);
    expect(p.sends).toEqual([
      expect.objectContaining({ actionIndex: 0, kind: "public_reply", commentId: "c1", status: "queued", content: expect.objectContaining({ text: "Thanks anna!", echoParentId: "c1", mediaId: "m1", variantIndex: 0 }) }),
      expect.objectContaining({
        actionIndex: 1,
        kind: "private_reply",
        recipientIgsid: "u1",
        commentId: "c1",
        privateReplyCommentId: "c1",
        content: { parts: [{ message: { text: "Hi Anna, prices: https://app.example/r/k1" }, echo: "Hi Anna, prices: https://app.example/r/k1" }], commentAt: NOW - 1_000 },
        links: [{ code: "k1", url: "https://shop.example/p" }],
      }),
    ]);
    expect(p.publicVariant).toEqual({ mediaId: "m1", index: 0 });
  });

  it("marks a private reply to a Live comment, whose rate budget is Meta's 100/s rather than 750/hour", () => {
    const live = plan([{ type: "private_reply", message: { text: "hi", trackLinks: false } }], { event: { ...comment, kind: "live_comment" } });
    expect(live.sends[0]?.content).toMatchObject({ live: true });
    expect(plan([{ type: "private_reply", message: { text: "hi", trackLinks: false } }]).sends[0]?.content.live).toBeUndefined();
  });

  it("shifts everything after a delay, collects tags, and hides the comment", () => {
    const p = plan([
      { type: "public_reply", variants: ["ok"] },
      { type: "tag_contact", tags: ["lead", "vip"] },
      { type: "delay", seconds: 30 },
      { type: "hide_comment" },
    ]);
    expect(p.tags).toEqual(["lead", "vip"]);
    expect(p.sends.map((s) => [s.kind, s.scheduledAt - NOW])).toEqual([["public_reply", 0], ["hide_comment", 30_000]]);
  });

  it("never repeats the variant used last on the post, and renders the same text for the same event", () => {
    const variants = [{ type: "public_reply", variants: ["A", "B", "C"] }];
    for (let last = 0; last < 3; last++) expect(plan(variants, { lastVariantIndex: last }).sends[0]?.content.variantIndex).not.toBe(last);
    expect(plan(variants).sends[0]?.content.text).toBe(plan(variants).sends[0]?.content.text);
  });

  it("plans over-quota sends as skipped with the plan's limit, counting this event's own sends", () => {
    const p = plan(
      [{ type: "private_reply", message: { text: "hi" } }, { type: "dm", message: { text: "more" } }, { type: "public_reply", variants: ["x"] }],
      { quota: { dmUsed: 999, dmLimit: 1_000, replyUsed: 1_000, replyLimit: 1_000 } },
    );
    expect(p.sends.map((s) => [s.kind, s.status, s.reason])).toEqual([
      ["private_reply", "queued", undefined],
      ["dm", "skipped", "Over your plan's monthly DM limit (1,000)"],
      ["public_reply", "skipped", "Over your plan's monthly public reply limit (1,000)"],
    ]);
  });

  it("builds buttons, quick replies and an image as Instagram's message shapes", () => {
    const p = plan([
      { type: "dm", message: { text: "Pick one", imageUrl: "https://cdn.example/a.png", buttons: [{ type: "web_url", title: "Shop", url: "https://shop.example/" }] } },
      { type: "dm", message: { text: "Size?", trackLinks: false, quickReplies: [{ title: "S", payload: "SIZE_S" }] } },
    ]);
    expect(p.sends[0]?.content.parts).toEqual([
      { message: { attachment: { type: "image", payload: { url: "https://cdn.example/a.png" } } }, echo: "https://cdn.example/a.png" },
      { message: { attachment: { type: "template", payload: { template_type: "button", text: "Pick one", buttons: [{ type: "web_url", url: "https://app.example/r/k1", title: "Shop" }] } } }, echo: "Pick one" },
    ]);
    expect(p.sends[1]?.content.parts).toEqual([{ message: { text: "Size?", quick_replies: [{ content_type: "text", title: "S", payload: "SIZE_S" }] }, echo: "Size?" }]);
  });

  it("a signed webhook carries the event, never the secret", () => {
    const p = plan([{ type: "webhook", url: "https://hooks.example/in", secret: "s3cret-s3cret-s3cret" }]);
    expect(p.sends[0]).toMatchObject({ kind: "webhook", content: { webhook: { url: "https://hooks.example/in", body: { type: "instagram.comment", contact: { igsid: "u1", username: "anna" } } } } });
    expect(JSON.stringify(p.sends[0])).not.toContain("s3cret");
  });
});

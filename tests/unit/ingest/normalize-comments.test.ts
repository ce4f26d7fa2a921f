import { describe, expect, it } from "vitest";
import { ZInboundEvent } from "@/lib/events/inbound-event";
import { normalizeWebhook } from "@/lib/ingest/normalize-webhook";
import { IG, T_SEC, USER, commentEntry, commentValue, envelope } from "./fixtures";

describe("normalizeWebhook: comments and live comments", () => {
  it("turns an Instagram Login comment (changes[]) into a comment event", () => {
    const value = commentValue({ parent_id: "17890000000000000" });
    const { events, dropped, unknown } = normalizeWebhook(envelope(commentEntry(value)));
    expect(dropped).toEqual([]);
    expect(unknown).toEqual([]);
    expect(events).toEqual([
      {
        accountId: IG,
        kind: "comment",
        dedupeKey: "c:17890000000000001",
        occurredAt: T_SEC * 1000, // 10-digit entry.time → ms
        senderId: USER,
        senderUsername: "jane.doe",
        text: "PRICE please",
        commentId: "17890000000000001",
        parentCommentId: "17890000000000000",
        mediaId: "17950000000000001",
        mediaProductType: "REELS",
        standby: false,
      },
    ]);
    expect(() => ZInboundEvent.parse(events[0])).not.toThrow();
  });

  it("accepts the Facebook Login `comment_id` spelling", () => {
    const { id: _id, ...rest } = commentValue();
    const { events } = normalizeWebhook(envelope(commentEntry({ ...rest, comment_id: "17890000000000002" })));
    expect(events[0]).toMatchObject({ commentId: "17890000000000002", dedupeKey: "c:17890000000000002" });
  });

  it("maps live_comments to live_comment with the same comment key", () => {
    const { events } = normalizeWebhook(envelope(commentEntry(commentValue(), "live_comments")));
    expect(events[0]).toMatchObject({ kind: "live_comment", dedupeKey: "c:17890000000000001" });
  });

  it("keeps ad fields: ad id and the organic post behind the ad", () => {
    const value = commentValue({
      media: { id: "m-ad-1", media_product_type: "AD", ad_id: "120200000000001", ad_title: "Spring sale", original_media_id: "17950000000000009" },
    });
    const { events } = normalizeWebhook(envelope(commentEntry(value)));
    expect(events[0]).toMatchObject({ mediaId: "m-ad-1", mediaProductType: "AD", adId: "120200000000001", originalMediaId: "17950000000000009" });
  });

  it("parses the flat entry.field + entry.value variant", () => {
    const body = envelope({ id: IG, time: T_SEC, field: "comments", value: commentValue() });
    const { events } = normalizeWebhook(body);
    expect(events).toHaveLength(1);
    expect(events[0]?.kind).toBe("comment");
  });

  it("loop guard: drops comments written by the account itself", () => {
    const byAccount = commentValue({ id: "c1", from: { id: IG, username: "brand" } });
    const bySelfScoped = commentValue({ id: "c2", from: { id: "999", username: "brand", self_ig_scoped_id: "888" } });
    const body = envelope({ id: IG, time: T_SEC, changes: [{ field: "comments", value: byAccount }, { field: "live_comments", value: bySelfScoped }] });
    const { events, dropped } = normalizeWebhook(body);
    expect(events).toEqual([]);
    expect(dropped).toEqual([{ reason: "own_comment", count: 2 }]);
  });

  it("drops a comment without an id or author as malformed, keeping the rest of the batch", () => {
    const { id: _id, ...noId } = commentValue();
    const { from: _from, ...noFrom } = commentValue({ id: "c3" });
    const body = envelope({
      id: IG,
      time: T_SEC,
      changes: [{ field: "comments", value: noId }, { field: "comments", value: noFrom }, { field: "comments", value: commentValue() }, { value: {} }],
    });
    const { events, dropped } = normalizeWebhook(body);
    expect(events).toHaveLength(1);
    expect(dropped).toEqual([{ reason: "malformed_item", count: 3 }]);
  });

  it("counts fields it does not handle (mentions, story_insights) as unknown", () => {
    const body = envelope({
      id: IG,
      time: T_SEC,
      changes: [
        { field: "mentions", value: { media_id: "1", comment_id: "2" } },
        { field: "mentions", value: { media_id: "3" } },
        { field: "story_insights", value: {} },
      ],
    });
    const { events, unknown } = normalizeWebhook(body);
    expect(events).toEqual([]);
    expect(unknown).toEqual([
      { object: "instagram", field: "mentions", count: 2 },
      { object: "instagram", field: "story_insights", count: 1 },
    ]);
  });

  it("drops an event that breaks ZInboundEvent bounds instead of failing the enqueue", () => {
    const { events, dropped } = normalizeWebhook(envelope(commentEntry(commentValue({ id: "9".repeat(100) }))));
    expect(events).toEqual([]);
    expect(dropped).toEqual([{ reason: "invalid_event", count: 1 }]);
  });

  it("uses the comment's own timestamp when Meta includes one", () => {
    const { events } = normalizeWebhook(envelope(commentEntry(commentValue({ created_time: "2026-01-02T03:04:05+0000" }))));
    expect(events[0]?.occurredAt).toBe(Date.parse("2026-01-02T03:04:05+0000"));
  });
});

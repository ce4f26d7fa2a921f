import { describe, expect, it } from "vitest";
import { normalizeWebhook } from "@/lib/ingest/normalize-webhook";

const IG = "17841400000000001";
const T = 1_763_700_000_000;

describe("our own sends coming back", () => {
  it("an is_echo DM (text, template or image) is an echo, never an event (loop guard)", () => {
    const body = {
      object: "instagram",
      entry: [{
        id: IG,
        time: T,
        messaging: [
          { sender: { id: IG }, recipient: { id: "u1" }, timestamp: T, message: { mid: "m1", text: "Hi anna", is_echo: true } },
          { sender: { id: IG }, recipient: { id: "u2" }, timestamp: T, message: { mid: "m2", is_echo: true, attachments: [{ type: "template", payload: { template_type: "button", text: "Pick one" } }] } },
          { sender: { id: IG }, recipient: { id: "u3" }, timestamp: T, message: { mid: "m3", is_echo: true, attachments: [{ type: "image", payload: { url: "https://cdn.example/a.png" } }] } },
        ],
      }],
    };
    const r = normalizeWebhook(body);
    expect(r.events).toEqual([]);
    expect(r.dropped).toEqual([{ reason: "echo", count: 3 }]);
    expect(r.echoes).toEqual([
      { igUserId: IG, kind: "message", recipientId: "u1", mid: "m1", text: "Hi anna", timestamp: T },
      { igUserId: IG, kind: "message", recipientId: "u2", mid: "m2", text: "Pick one", timestamp: T },
      { igUserId: IG, kind: "message", recipientId: "u3", mid: "m3", text: "https://cdn.example/a.png", timestamp: T },
    ]);
  });

  it("the account's own public reply is an echo with its parent comment, never an event", () => {
    const body = { object: "instagram", entry: [{ id: IG, time: 1_763_700_000, changes: [{ field: "comments", value: { id: "c9", parent_id: "c1", text: "Thanks!", from: { id: IG, username: "shop", self_ig_scoped_id: "s1" }, media: { id: "m1" } } }] }] };
    const r = normalizeWebhook(body);
    expect(r.events).toEqual([]);
    expect(r.echoes).toEqual([{ igUserId: IG, kind: "comment", commentId: "c9", parentCommentId: "c1", text: "Thanks!", timestamp: 1_763_700_000_000 }]);
  });

  it("keeps one echo per mid in a batch, and none for self messages or ordinary DMs", () => {
    const echo = { sender: { id: IG }, recipient: { id: "u1" }, timestamp: T, message: { mid: "m1", text: "x", is_echo: true } };
    const body = {
      object: "instagram",
      entry: [{ id: IG, time: T, messaging: [echo, echo, { sender: { id: IG }, recipient: { id: IG }, timestamp: T, message: { mid: "m5", text: "note", is_echo: true, is_self: true } }, { sender: { id: "u1" }, recipient: { id: IG }, timestamp: T, message: { mid: "m6", text: "hello" } }] }],
    };
    const r = normalizeWebhook(body);
    expect(r.echoes.map((e) => e.mid)).toEqual(["m1"]);
    expect(r.events.map((e) => e.mid)).toEqual(["m6"]);
  });
});

import { describe, expect, it } from "vitest";
import { ZInboundEvent, type TInboundEvent } from "@/lib/events/inbound-event";
import { normalizeWebhook } from "@/lib/ingest/normalize-webhook";
import { IG, T_MS, USER, envelope, item, messagingEntry } from "./fixtures";

const MID = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA";

function one(event: Record<string, unknown>, over: Record<string, unknown> = {}): TInboundEvent {
  const { events, dropped, unknown } = normalizeWebhook(envelope(messagingEntry([item(event, over)])));
  expect({ dropped, unknown }).toEqual({ dropped: [], unknown: [] });
  expect(events).toHaveLength(1);
  const e = events[0]!;
  expect(ZInboundEvent.parse(e)).toEqual(e);
  expect(Object.values(e).some((v) => v === undefined)).toBe(false);
  return e;
}

function droppedAs(event: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const { events, dropped } = normalizeWebhook(envelope(messagingEntry([item(event, over)])));
  expect(events).toEqual([]);
  return dropped;
}

describe("normalizeWebhook: messages", () => {
  it("text DM → dm keyed by mid, ms timestamp kept as is", () => {
    expect(one({ message: { mid: MID, text: "price?" } })).toEqual({
      accountId: IG,
      kind: "dm",
      dedupeKey: `m:${MID}`,
      occurredAt: T_MS,
      senderId: USER,
      text: "price?",
      mid: MID,
      standby: false,
    });
  });

  it("attachments are listed by type; a story_mention attachment makes a story_mention", () => {
    const image = one({ message: { mid: MID, attachments: [{ type: "image", payload: { url: "https://cdn/x.jpg" } }, { type: "ig_reel" }] } });
    expect(image).toMatchObject({ kind: "dm", attachmentTypes: ["image", "ig_reel"] });
    const mention = one({ message: { mid: MID, attachments: [{ type: "story_mention", payload: { url: "https://cdn/s.mp4" } }] } });
    expect(mention).toMatchObject({ kind: "story_mention", attachmentTypes: ["story_mention"], dedupeKey: `m:${MID}` });
  });

  it("reply_to.story → story_reply; reply_to.mid → dm with replyToMid", () => {
    expect(one({ message: { mid: MID, text: "love this", reply_to: { story: { id: "18000000000000001", url: "https://cdn/s" } } } })).toMatchObject({
      kind: "story_reply",
      storyId: "18000000000000001",
      text: "love this",
    });
    expect(one({ message: { mid: MID, text: "yes", reply_to: { mid: "earlier-mid" } } })).toMatchObject({ kind: "dm", replyToMid: "earlier-mid" });
  });

  it("quick_reply → quick_reply with the payload and the tapped title as text", () => {
    expect(one({ message: { mid: MID, text: "Prices", quick_reply: { payload: "PRICES" } } })).toMatchObject({
      kind: "quick_reply",
      text: "Prices",
      payload: "PRICES",
      dedupeKey: `m:${MID}`,
    });
  });

  it("a referral inside the message (click-to-DM ad) → referral keyed by mid", () => {
    const referral = { ref: "spring", ad_id: "120200000000001", source: "ADS", type: "OPEN_THREAD", ads_context_data: { ad_title: "Sale" } };
    expect(one({ message: { mid: MID, text: "hi", referral } })).toMatchObject({
      kind: "referral",
      referralRef: "spring",
      adId: "120200000000001",
      text: "hi",
      dedupeKey: `m:${MID}`,
    });
  });

  it("is_deleted → message_deleted with its own key, so the original is updated not re-run", () => {
    expect(one({ message: { mid: MID, is_deleted: true } })).toMatchObject({ kind: "message_deleted", dedupeKey: `d:${MID}`, mid: MID });
  });

  it("is_unsupported → a dm flagged unsupported (it still opens the 24 h window)", () => {
    expect(one({ message: { mid: MID, is_unsupported: true } })).toMatchObject({ kind: "dm", unsupported: true });
  });

  it("loop guard: echoes, self messages and anything sent by the account are dropped", () => {
    // Echo: sender and recipient swapped (reference §1.7).
    expect(droppedAs({ message: { mid: MID, text: "Here is the price", is_echo: true } }, { sender: { id: IG }, recipient: { id: USER } })).toEqual([
      { reason: "echo", count: 1 },
    ]);
    expect(droppedAs({ message: { mid: MID, text: "note to self", is_self: true } }, { sender: { id: IG } })).toEqual([
      { reason: "self_message", count: 1 },
    ]);
    expect(droppedAs({ message: { mid: MID, text: "no echo flag" } }, { sender: { id: IG }, recipient: { id: USER } })).toEqual([
      { reason: "sent_by_account", count: 1 },
    ]);
    expect(droppedAs({ reaction: { mid: MID, action: "react", emoji: "❤️" } }, { sender: { id: IG } })).toEqual([
      { reason: "sent_by_account", count: 1 },
    ]);
  });

  it("a message without a mid is malformed", () => {
    expect(droppedAs({ message: { text: "no mid" } })).toEqual([{ reason: "malformed_item", count: 1 }]);
  });
});

describe("normalizeWebhook: postbacks, reactions, reads, edits, referrals", () => {
  it("postback with mid → p:<mid>, title as text", () => {
    expect(one({ postback: { mid: MID, title: "Get the price", payload: "PRICE" } })).toMatchObject({
      kind: "postback",
      dedupeKey: `p:${MID}`,
      text: "Get the price",
      payload: "PRICE",
      mid: MID,
    });
  });

  it("postback without mid → p:<sender>:<payload>:<timestamp>", () => {
    expect(one({ postback: { title: "Menu", payload: "MENU" } }).dedupeKey).toBe(`p:${USER}:MENU:${T_MS}`);
  });

  it("standby postback without payload or mid is kept, flagged standby", () => {
    const body = envelope({ id: IG, time: T_MS, standby: [item({ postback: { title: "Talk to a human" } })] });
    const { events } = normalizeWebhook(body);
    expect(events[0]).toMatchObject({ kind: "postback", standby: true, dedupeKey: `p:${USER}::${T_MS}`, text: "Talk to a human" });
    expect(events[0]?.payload).toBeUndefined();
  });

  it("standby messages are flagged too", () => {
    const { events } = normalizeWebhook(envelope({ id: IG, time: T_MS, standby: [item({ message: { mid: MID, text: "hi" } })] }));
    expect(events[0]).toMatchObject({ kind: "dm", standby: true });
  });

  it("reaction react and unreact get distinct keys; emoji kept", () => {
    const react = one({ reaction: { mid: MID, action: "react", reaction: "love", emoji: "\u2764\ufe0f" } });
    expect(react).toMatchObject({ kind: "reaction", mid: MID, reaction: { action: "react", emoji: "❤️" } });
    expect(react.dedupeKey).toBe(`x:${USER}:${MID}:react:${T_MS}`);
    const unreact = one({ reaction: { mid: MID, action: "unreact" } }, { timestamp: T_MS + 1 });
    expect(unreact.reaction).toEqual({ action: "unreact" });
    expect(unreact.dedupeKey).toBe(`x:${USER}:${MID}:unreact:${T_MS + 1}`);
  });

  it("reaction with an unknown action is malformed", () => {
    expect(droppedAs({ reaction: { mid: MID, action: "love" } })).toEqual([{ reason: "malformed_item", count: 1 }]);
  });

  it("read → r:<sender>:<mid>", () => {
    expect(one({ read: { mid: MID } })).toMatchObject({ kind: "read", dedupeKey: `r:${USER}:${MID}`, mid: MID });
  });

  it("message_edit accepts num_edit as a string or a number, with the same key", () => {
    const asString = one({ message_edit: { mid: MID, text: "price??", num_edit: "2" } });
    const asNumber = one({ message_edit: { mid: MID, text: "price??", num_edit: 2 } });
    expect(asString).toMatchObject({ kind: "message_edit", dedupeKey: `e:${MID}:2`, editCount: 2, text: "price??" });
    expect(asNumber.dedupeKey).toBe(asString.dedupeKey);
  });

  it("referral (ig.me link) → f:<sender>:<ref>:<timestamp>", () => {
    expect(one({ referral: { ref: "giveaway", source: "ig.me", type: "OPEN_THREAD" } })).toMatchObject({
      kind: "referral",
      referralRef: "giveaway",
      dedupeKey: `f:${USER}:giveaway:${T_MS}`,
    });
  });

  it("time-keyed events fall back to entry.time, and without any time are malformed", () => {
    const withEntryTime = normalizeWebhook(envelope({ id: IG, time: 1755779281, messaging: [{ sender: { id: USER }, read: { mid: MID } }, { sender: { id: USER }, reaction: { mid: MID, action: "react" } }] }));
    expect(withEntryTime.events.map((e) => e.occurredAt)).toEqual([1755779281000, 1755779281000]);
    expect(withEntryTime.events[1]?.dedupeKey).toBe(`x:${USER}:${MID}:react:1755779281000`);
    const noTime = normalizeWebhook(envelope({ id: IG, messaging: [{ sender: { id: USER }, reaction: { mid: MID, action: "react" } }] }));
    expect(noTime.dropped).toEqual([{ reason: "malformed_item", count: 1 }]);
  });

  it("optin and handover items are counted as unknown fields", () => {
    const body = envelope(
      messagingEntry([
        item({ optin: { ref: "x" } }),
        item({ pass_thread_control: { new_owner_app_id: "1", metadata: "" } }),
        item({ pass_thread_control: { new_owner_app_id: "2", metadata: "" } }),
      ]),
    );
    const { events, unknown } = normalizeWebhook(body);
    expect(events).toEqual([]);
    expect(unknown).toEqual([
      { object: "instagram", field: "optin", count: 1 },
      { object: "instagram", field: "pass_thread_control", count: 2 },
    ]);
  });
});

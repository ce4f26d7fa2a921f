import { describe, expect, it } from "vitest";
import { dedupeKey, DEDUPE_KEY_MAX } from "@/lib/ingest/dedupe-key";
import { normalizeWebhook } from "@/lib/ingest/normalize-webhook";
import { toEpochMs } from "@/lib/ingest/timestamps";
import { WebhookShapeError, parseWebhookJson } from "@/lib/ingest/webhook-shape-error";
import { IG, T_MS, T_SEC, USER, commentEntry, commentValue, envelope, item, messagingEntry } from "./fixtures";

// What the App Dashboard "Test" button sends (reference §1.4): changes[], field "messages", id "0".
const DASHBOARD_TEST = {
  object: "instagram",
  entry: [
    {
      id: "0",
      time: 1755779280,
      changes: [
        {
          field: "messages",
          value: { sender: { id: "12334" }, recipient: { id: "23245" }, timestamp: "1527459824", message: { mid: "random_mid", text: "random_text" } },
        },
        {
          field: "messaging_postbacks",
          value: { sender: { id: "12334" }, recipient: { id: "23245" }, timestamp: "1527459824", postback: { mid: "pb_mid", title: "t", payload: "p" } },
        },
      ],
    },
  ],
};

describe("normalizeWebhook: envelope", () => {
  it("batches: every entry and every item is read, in order", () => {
    const other = "17841400000000002";
    const body = envelope(
      messagingEntry([item({ message: { mid: "m1", text: "a" } }), item({ message: { mid: "m2", text: "b" } }), item({ read: { mid: "m0" } })]),
      { id: other, time: T_SEC, changes: [{ field: "comments", value: commentValue({ id: "c1" }) }, { field: "live_comments", value: commentValue({ id: "c2" }) }] },
      commentEntry(commentValue({ id: "c3" })),
    );
    const { events, dropped } = normalizeWebhook(body);
    expect(dropped).toEqual([]);
    expect(events.map((e) => [e.accountId, e.dedupeKey])).toEqual([
      [IG, "m:m1"],
      [IG, "m:m2"],
      [IG, `r:${USER}:m0`],
      [other, "c:c1"],
      [other, "c:c2"],
      [IG, "c:c3"],
    ]);
  });

  it("mixes kept and dropped items in one batch and counts each drop reason", () => {
    const body = envelope(
      messagingEntry([
        item({ message: { mid: "m1", text: "hi" } }),
        item({ message: { mid: "m2", text: "echo", is_echo: true } }, { sender: { id: IG } }),
        item({ message: { mid: "m3", text: "echo", is_echo: true } }, { sender: { id: IG } }),
        item({ message: { text: "no mid" } }),
        "not an object",
      ]),
      { id: IG, time: T_MS },
    );
    const { events, dropped } = normalizeWebhook(body);
    expect(events).toHaveLength(1);
    expect(dropped).toEqual([
      { reason: "echo", count: 2 },
      { reason: "malformed_item", count: 2 },
      { reason: "empty_entry", count: 1 },
    ]);
  });

  it("drops the same event delivered twice in one batch", () => {
    const body = envelope(messagingEntry([item({ message: { mid: "m1", text: "a" } })]), messagingEntry([item({ message: { mid: "m1", text: "a" } })]));
    const { events, dropped } = normalizeWebhook(body);
    expect(events).toHaveLength(1);
    expect(dropped).toEqual([{ reason: "duplicate_in_batch", count: 1 }]);
  });

  it("dashboard test form: dropped and counted by default", () => {
    const { events, dropped } = normalizeWebhook(DASHBOARD_TEST);
    expect(events).toEqual([]);
    expect(dropped).toEqual([{ reason: "dashboard_test", count: 2 }]);
  });

  it("dashboard test form: parsed as messaging items with keepTestEntries (string 10-digit timestamps)", () => {
    const { events } = normalizeWebhook(DASHBOARD_TEST, { keepTestEntries: true });
    expect(events).toEqual([
      { accountId: "0", kind: "dm", dedupeKey: "m:random_mid", occurredAt: 1527459824000, senderId: "12334", text: "random_text", mid: "random_mid", standby: false },
      { accountId: "0", kind: "postback", dedupeKey: "p:pb_mid", occurredAt: 1527459824000, senderId: "12334", text: "t", payload: "p", mid: "pb_mid", standby: false },
    ]);
  });

  it("real (non-test) messaging in changes[] form is parsed too", () => {
    const body = envelope({ id: IG, time: T_MS, changes: [{ field: "messages", value: item({ message: { mid: "m9", text: "x" } }) }] });
    expect(normalizeWebhook(body).events[0]).toMatchObject({ accountId: IG, kind: "dm", dedupeKey: "m:m9" });
  });

  it("unknown object: no events, counted per entry", () => {
    const { events, unknown, dropped } = normalizeWebhook({ object: "page", entry: [{ id: "1", time: 1, messaging: [] }, { id: "2" }] });
    expect(events).toEqual([]);
    expect(dropped).toEqual([]);
    expect(unknown).toEqual([{ object: "page", count: 2 }]);
  });

  it("accepts ids as exact JSON numbers and ignores unknown extra keys", () => {
    const body = { object: "instagram", extra: true, entry: [{ id: 17841400, time: T_SEC, uid: "x", changes: [{ field: "comments", value: commentValue({ id: 42, from: { id: 7, username: "n" }, extra: 1 }), more: 1 }] }] };
    expect(normalizeWebhook(body).events[0]).toMatchObject({ accountId: "17841400", commentId: "42", senderId: "7" });
  });

  it.each([
    ["null", null],
    ["an array", []],
    ["a string", "hello"],
    ["no object", { entry: [] }],
    ["no entry", { object: "instagram" }],
    ["entry not a list", { object: "instagram", entry: {} }],
    ["entry without id", { object: "instagram", entry: [{ time: 1, messaging: [] }] }],
    ["entry id that lost precision", { object: "instagram", entry: [{ id: 17841400000000001, messaging: [] }] }],
    ["messaging not a list", { object: "instagram", entry: [{ id: "1", messaging: {} }] }],
  ])("malformed envelope (%s) throws WebhookShapeError", (_name, body) => {
    let caught: unknown;
    try {
      normalizeWebhook(body);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(WebhookShapeError);
    expect((caught as WebhookShapeError).httpStatus).toBe(400);
    expect((caught as WebhookShapeError).issues.length).toBeGreaterThan(0);
  });

  it("parseWebhookJson turns bad JSON into WebhookShapeError", () => {
    expect(() => parseWebhookJson(Buffer.from("{not json"))).toThrow(WebhookShapeError);
    expect(parseWebhookJson('{"a":1}')).toEqual({ a: 1 });
  });
});

describe("dedupe keys", () => {
  it("are stable across redeliveries and never longer than 191 characters", () => {
    const longMid = "aWdf" + "Z".repeat(185); // within mid's 191, but e:<mid>:3 is not
    const longPayload = "P".repeat(900);
    const body = envelope(
      messagingEntry([
        item({ message_edit: { mid: longMid, text: "x", num_edit: 3 } }),
        item({ postback: { title: "t", payload: longPayload } }),
        item({ referral: { ref: "r".repeat(240) } }),
      ]),
    );
    const first = normalizeWebhook(body).events.map((e) => e.dedupeKey);
    const again = normalizeWebhook(structuredClone(body)).events.map((e) => e.dedupeKey);
    expect(first).toHaveLength(3);
    expect(again).toEqual(first);
    for (const key of first) expect(key.length).toBeLessThanOrEqual(DEDUPE_KEY_MAX);
    expect(first[0]).toMatch(/^e:aWdfZ+#[0-9a-f]{64}$/);
  });

  it("long keys sharing a head still differ", () => {
    const head = "x".repeat(200);
    expect(dedupeKey("m", head + "a")).not.toBe(dedupeKey("m", head + "b"));
    expect(dedupeKey("m", head + "a")).toHaveLength(DEDUPE_KEY_MAX);
    expect(dedupeKey("m", "short")).toBe("m:short");
  });

  it("never cuts an emoji in half", () => {
    const key = dedupeKey("p", "a".repeat(123) + "😀".repeat(50));
    expect(key.length).toBeLessThanOrEqual(DEDUPE_KEY_MAX);
    expect(key).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("toEpochMs", () => {
  it.each([
    [1755779280, 1755779280000],
    [1755779280123, 1755779280123],
    ["1527459824", 1527459824000],
    ["1527459824000", 1527459824000],
    [1755779280123456, 1755779280123],
    ["2026-01-02T03:04:05Z", Date.parse("2026-01-02T03:04:05Z")],
  ])("%s → %s ms", (input, ms) => {
    expect(toEpochMs(input)).toBe(ms);
  });

  it.each([[null], [undefined], ["abc"], [-5], [0], [Number.NaN], [{}], ["12e5"]])("%s is not a timestamp", (input) => {
    expect(toEpochMs(input)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/api/pagination";
import { pageQuery, toActivityPage } from "@/lib/activity/keyset";
import { summarize } from "@/lib/activity/lookup-activity";
import type { PresentedMessage } from "@/lib/activity/present-message";
import type { PresentedRun } from "@/lib/activity/present-run";
import { ZActivityLookupQuery, ZListMessagesQuery, ZUtcDay } from "@/lib/activity/schemas";
import { eachUtcDay, startOfUtcDay } from "@/lib/activity/utc-day";

describe("activity keyset", () => {
  it("turns a cursor into a BIGINT comparison and narrows a contact filter to the resolved people", () => {
    const at = new Date("2026-03-01T10:00:00.123Z");
    const q = pageQuery({ limit: 25, cursor: { createdAt: at, id: "9007199254740993" }, contactId: "c2" }, { contactIds: ["c1", "c2"] }, { status: ["failed"], kind: undefined });
    expect(q).toEqual({ take: 26, contactIds: ["c2"], valuesIn: { status: ["failed"] }, cursor: { createdAt: at, id: 9007199254740993n } });
    expect(pageQuery({ limit: 10, contactId: "c9" }, { contactIds: ["c1"] }, {}).contactIds).toEqual([]);
  });

  it("issues a cursor only when a further row exists, from the last row shown", () => {
    const rows = [3n, 2n, 1n].map((id) => ({ id, createdAt: new Date(1_000) }));
    const page = toActivityPage(rows, 2, (r) => r.id.toString());
    expect(page.data).toEqual(["3", "2"]);
    expect(decodeCursor(page.nextCursor!)).toEqual({ createdAt: new Date(1_000), id: "2" });
    expect(toActivityPage(rows, 3, (r) => r.id).nextCursor).toBeNull();
  });
});

describe("activity query schemas", () => {
  it("read comma-separated statuses and strip the @ of usernames", () => {
    const q = ZListMessagesQuery.parse({ status: "failed, skipped", username: "@Ann" });
    expect(q).toMatchObject({ status: ["failed", "skipped"], username: "Ann", limit: 25 });
    expect(ZListMessagesQuery.safeParse({ status: "lost" }).success).toBe(false);
  });

  it("accept real calendar days only", () => {
    expect(ZUtcDay.parse("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(ZUtcDay.safeParse("2026-02-29").success).toBe(false);
    expect(ZUtcDay.safeParse("29/02/2024").success).toBe(false);
  });

  it("want exactly one subject for a lookup", () => {
    expect(ZActivityLookupQuery.safeParse({ username: "a" }).success).toBe(true);
    expect(ZActivityLookupQuery.safeParse({ username: "a", commentId: "1" }).success).toBe(false);
    expect(ZActivityLookupQuery.safeParse({}).success).toBe(false);
  });

  it("count UTC days inclusively", () => {
    expect(startOfUtcDay(new Date("2026-03-01T23:59:59.999Z"))).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(eachUtcDay(new Date("2026-02-27T00:00:00Z"), new Date("2026-03-01T00:00:00Z")).map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
    ]);
  });
});

describe("the lookup's one-sentence answer", () => {
  const q = ZActivityLookupQuery.parse({ username: "ann" });
  const msg = (m: Partial<PresentedMessage>) => ({ kind: "dm", status: "sent", automationName: "Price", reason: null, sentAt: "2026-03-01T10:00:00.000Z", createdAt: "2026-03-01T10:00:00.000Z", ...m }) as PresentedMessage;
  const run = (r: Partial<PresentedRun>) => ({ outcome: "skipped", reason: "Outside active hours", automationName: "Price", ...r }) as PresentedRun;

  it("leads with the newest DM or private reply", () => {
    expect(summarize(q, [], [msg({ kind: "public_reply" }), msg({ kind: "private_reply", status: "failed", reason: "Instagram refused it" })])).toBe(
      "The private reply to @ann was failed: Instagram refused it.",
    );
    expect(summarize(q, [], [msg({})])).toBe('@ann was sent a DM by "Price" at 2026-03-01T10:00:00.000Z.');
    expect(summarize(q, [], [msg({ status: "queued" })])).toBe("A DM to @ann is waiting to be sent (queued).");
  });

  it("falls back to the newest run's reason", () => {
    expect(summarize(q, [run({})], [])).toBe("No DM went to @ann: Outside active hours");
    expect(summarize(q, [run({ outcome: "matched" })], [msg({ kind: "public_reply" })])).toBe('"Price" answered @ann, but it has no DM step.');
    expect(summarize(q, [], [])).toBe("Replyflow received activity from @ann, but no automation ran for it.");
  });
});

import { describe, expect, it } from "vitest";
import type { TOutboundEcho } from "@/lib/ingest/normalize-echo";
import { echoTarget, matchEcho, rowEchoTarget, type EchoCandidate } from "@/lib/pipeline/reconcile/match-echo";

const dmEcho = (text: string, recipientId = "u1"): TOutboundEcho => ({ igUserId: "ig", kind: "message", recipientId, mid: "m1", text, timestamp: 1 });
const part = (text: string) => ({ parts: [{ message: { text }, echo: text }] });
const row = (over: Partial<EchoCandidate>): EchoCandidate => ({ id: "1", kind: "dm", status: "unknown", recipientIgsid: "u1", content: part("Hi!"), claimedAt: new Date(1_000), ...over });

describe("matching an echo to the send it confirms", () => {
  it("matches a DM or private reply by recipient and exact text", () => {
    expect(matchEcho(dmEcho("Hi!"), [row({ id: "7" })])?.id).toBe("7");
    expect(matchEcho(dmEcho("Hi!"), [row({ id: "8", kind: "private_reply" })])?.id).toBe("8");
    expect(matchEcho(dmEcho("Hi!!"), [row({})])).toBeUndefined();
    expect(matchEcho(dmEcho("Hi!", "u2"), [row({})])).toBeUndefined();
  });

  it("compares with the part the send is at (an image first, then the text)", () => {
    const content = { parts: [{ message: { attachment: {} }, echo: "https://cdn.example/a.png" }, { message: { text: "Look" }, echo: "Look" }], partsSent: 1 };
    expect(matchEcho(dmEcho("Look"), [row({ content })])).toBeDefined();
    expect(matchEcho(dmEcho("https://cdn.example/a.png"), [row({ content })])).toBeUndefined();
  });

  it("matches our public reply by its parent comment and text, never a DM row", () => {
    const echo: TOutboundEcho = { igUserId: "ig", kind: "comment", commentId: "c9", parentCommentId: "c1", text: "Thanks!", timestamp: 1 };
    const reply = row({ id: "3", kind: "public_reply", recipientIgsid: "u1", content: { text: "Thanks!", echoParentId: "c1" } });
    expect(matchEcho(echo, [row({ content: part("Thanks!") }), reply])?.id).toBe("3");
    expect(matchEcho({ ...echo, parentCommentId: "c2" }, [reply])).toBeUndefined();
  });

  it("prefers the send in flight right now, then the oldest one in doubt", () => {
    const a = row({ id: "a", status: "unknown", claimedAt: new Date(5) });
    const b = row({ id: "b", status: "sending", claimedAt: new Date(9) });
    const c = row({ id: "c", status: "unknown", claimedAt: new Date(1) });
    expect(matchEcho(dmEcho("Hi!"), [a, b, c])?.id).toBe("b");
    expect(matchEcho(dmEcho("Hi!"), [a, c])?.id).toBe("c");
  });

  it("targets agree between echoes and rows", () => {
    expect(echoTarget({ kind: "message", recipientId: "u1" })).toBe("u1");
    expect(echoTarget({ kind: "comment", parentCommentId: "c1" })).toBe("c:c1");
    expect(echoTarget({ kind: "comment" })).toBeUndefined();
    expect(rowEchoTarget("public_reply", null, { echoParentId: "c1" })).toBe("c:c1");
    expect(rowEchoTarget("hide_comment", "u", {})).toBeUndefined();
  });
});

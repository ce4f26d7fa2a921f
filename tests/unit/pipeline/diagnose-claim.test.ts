import { describe, expect, it } from "vitest";
import { diagnoseClaim } from "@/lib/pipeline/outbound/diagnose-claim";
import type { ClaimState } from "@/lib/pipeline/outbound/store/read-claim-state";

const NOW = Date.UTC(2026, 10, 20, 12);
const state = (over: Partial<ClaimState> = {}): ClaimState => ({
  status: "queued",
  claimedAt: null,
  attempts: 0,
  errorClass: null,
  username: "anna",
  lastInboundAt: new Date(NOW - 3_600_000),
  awaitingReply: 0,
  optedOut: 0,
  dmsSent: 10,
  privateReplies: 5,
  publicReplies: 3,
  ...over,
});
const input = { kind: "dm" as const, now: NOW, leaseMs: 20_000, dmLimit: 1_000, replyLimit: 1_000 };

describe("why a claim changed nothing", () => {
  it("a missing or settled row needs nothing", () => {
    expect(diagnoseClaim(undefined, input)).toEqual({ type: "gone" });
    for (const status of ["sent", "failed", "skipped", "unknown"] as const) expect(diagnoseClaim(state({ status }), input)).toEqual({ type: "done" });
  });

  it("a fresh claim is another worker's send in flight; one older than the lease died mid-send", () => {
    expect(diagnoseClaim(state({ status: "sending", claimedAt: new Date(NOW - 5_000) }), input)).toEqual({ type: "in_flight" });
    expect(diagnoseClaim(state({ status: "sending", claimedAt: new Date(NOW - 25_000) }), input)).toEqual({ type: "stale" });
  });

  it("a DM whose window closed, that waits for an answer, or whose person opted out is skipped with the reason", () => {
    expect(diagnoseClaim(state({ lastInboundAt: new Date(NOW - 2 * 86_400_000) }), input)).toEqual({
      type: "skip",
      reason: "Instagram's 24-hour window is closed: @anna last wrote 2 days ago",
    });
    expect(diagnoseClaim(state({ lastInboundAt: null }), input)).toMatchObject({ type: "skip", reason: expect.stringContaining("hasn't written") });
    expect(diagnoseClaim(state({ awaitingReply: 1 }), input)).toMatchObject({ type: "skip", reason: expect.stringContaining("answer the private reply") });
    expect(diagnoseClaim(state({ optedOut: 1 }), { ...input, kind: "private_reply" })).toMatchObject({ type: "skip", reason: "@anna opted out of automated messages" });
  });

  it("windows and answers do not matter for private and public replies", () => {
    const closed = state({ lastInboundAt: null, awaitingReply: 1 });
    expect(diagnoseClaim(closed, { ...input, kind: "private_reply" })).toEqual({ type: "retry" });
    expect(diagnoseClaim(closed, { ...input, kind: "public_reply" })).toEqual({ type: "retry" });
  });

  it("over the plan's quota is skipped; a missing counter is created", () => {
    expect(diagnoseClaim(state({ dmsSent: 995, privateReplies: 5 }), input)).toEqual({ type: "skip", reason: "Over your plan's monthly DM limit (1,000)" });
    expect(diagnoseClaim(state({ publicReplies: 1_000 }), { ...input, kind: "public_reply" })).toMatchObject({ type: "skip", reason: expect.stringContaining("reply limit") });
    expect(diagnoseClaim(state({ dmsSent: null }), input)).toEqual({ type: "no_usage_row" });
    expect(diagnoseClaim(state({ dmsSent: null }), { ...input, kind: "hide_comment" })).toEqual({ type: "retry" });
  });
});

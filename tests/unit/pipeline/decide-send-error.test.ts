import { describe, expect, it } from "vitest";
import { classifyGraphError } from "@/lib/instagram/graph-errors";
import { decideSendError, MIN_THROTTLE_MS } from "@/lib/pipeline/outbound/decide-send-error";

const decide = (code: number, subcode?: number, over: Partial<Parameters<typeof decideSendError>[0]> = {}) =>
  decideSendError({ classification: classifyGraphError({ code, subcode }), finalAttempt: false, attemptsMade: 1, previouslyAmbiguous: false, ...over });

describe("what a failed send leads to, by error class", () => {
  it("transient (1, 2): back to the queue for a backoff retry; the last attempt fails with the reason", () => {
    expect(decide(2)).toEqual({ type: "retry", reason: expect.stringContaining("temporary problem") });
    expect(decide(1, undefined, { finalAttempt: true, attemptsMade: 5 })).toEqual({
      type: "terminal",
      status: "failed",
      reason: "Gave up after 5 attempts: Instagram had a temporary problem; retrying shortly",
    });
  });

  it("throttled (613, 80002, 17): that account cools down at least 60 s, longer when Meta says so", () => {
    expect(decide(613)).toMatchObject({ type: "cooldown", ms: MIN_THROTTLE_MS });
    expect(decide(80002, undefined, { retryAfterMs: 5 * 60_000 })).toMatchObject({ type: "cooldown", ms: 300_000 });
    expect(decide(17, undefined, { retryAfterMs: 1_000 })).toMatchObject({ type: "cooldown", ms: MIN_THROTTLE_MS, scope: "account" });
  });

  it("app-wide throttling (4): every account waits, not just the one whose call was refused", () => {
    expect(decide(4)).toMatchObject({ type: "cooldown", ms: MIN_THROTTLE_MS, scope: "app" });
  });

  it("auth (190, 102): the account must be reconnected", () => {
    expect(decide(190, 460)).toEqual({ type: "reconnect", reason: expect.stringContaining("password was changed") });
    expect(decide(102).type).toBe("reconnect");
  });

  it("ambiguous (1/1357046): the outcome is unknown and reconciled, never retried blindly", () => {
    expect(decide(1, 1357046)).toMatchObject({ type: "unknown" });
    expect(decide(1, 1357046, { finalAttempt: true }).type).toBe("unknown");
  });

  it("a closed window or a used private reply is skipped, not failed", () => {
    expect(decide(10, 2534022)).toMatchObject({ type: "terminal", status: "skipped", reason: expect.stringContaining("24-hour") });
    expect(decide(100, 2534025)).toMatchObject({ type: "terminal", status: "skipped" });
    expect(decide(10900)).toMatchObject({ type: "terminal", status: "skipped" });
  });

  it("a private reply Instagram calls 'already replied' after an unclear earlier attempt was ours: sent", () => {
    expect(decide(100, 2534025, { previouslyAmbiguous: true })).toMatchObject({ type: "sent" });
  });

  it("recipient, permission and invalid requests fail with the reason; policy blocks also pause the account", () => {
    expect(decide(551)).toMatchObject({ type: "terminal", status: "failed", reason: expect.stringContaining("isn't available") });
    expect(decide(10)).toMatchObject({ type: "terminal", status: "failed" });
    expect(decide(100)).toMatchObject({ type: "terminal", status: "failed" });
    const policy = decide(368);
    expect(policy).toMatchObject({ type: "terminal", status: "failed", pauseAccountMs: 24 * 3_600_000 });
    expect(decide(10, 1893063)).toMatchObject({ pauseAccountMs: 24 * 3_600_000 });
    expect(decide(100, 2534037)).not.toHaveProperty("pauseAccountMs");
  });
});

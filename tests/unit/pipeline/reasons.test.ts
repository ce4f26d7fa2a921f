import { describe, expect, it } from "vitest";
import { reasons } from "@/lib/pipeline/reasons";

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

describe("reasons the activity log shows", () => {
  it("say when a DM's window closed, in words", () => {
    expect(reasons.windowClosed("anna", new Date(NOW - 2 * 86_400_000), NOW)).toBe("Instagram's 24-hour window is closed: @anna last wrote 2 days ago");
    expect(reasons.windowClosed("anna", new Date(NOW - 25 * 3_600_000), NOW)).toBe("Instagram's 24-hour window is closed: @anna last wrote 1 day 1 hour ago");
    expect(reasons.windowClosed(null, null, NOW)).toBe("Instagram's 24-hour window is closed: this person hasn't written to you yet");
  });

  it("name the plan's limit with thousands separators", () => {
    expect(reasons.overDmQuota(1_000)).toBe("Over your plan's monthly DM limit (1,000)");
    expect(reasons.overReplyQuota(25_000)).toBe("Over your plan's monthly public reply limit (25,000)");
  });

  it("say which kind of event nothing listens to, on which account", () => {
    expect(reasons.noAutomationListens("story_mention", "shop")).toBe("No active automation listens to story mentions on @shop");
    expect(reasons.noAutomationListens("dm", "shop")).toBe("No active automation listens to direct messages on @shop");
  });

  it("explain unconfirmed and reconciled sends", () => {
    expect(reasons.unconfirmed(1)).toBe("Instagram never confirmed this send; gave up after 1 resend to avoid duplicates");
    expect(reasons.gaveUp(5, "boom")).toBe("Gave up after 5 attempts: boom");
    expect(reasons.awaitingReply("bo")).toBe("Waiting for @bo to answer the private reply: Instagram allows no further DMs until they do");
  });
});

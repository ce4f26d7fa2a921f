import { describe, expect, it } from "vitest";
import { evaluateAutomations } from "@/lib/automations/evaluate";
import { describeAction, describeTrigger, explainDecision } from "@/lib/automations/explain";
import { automation, event, input } from "./fixtures";

describe("explainDecision", () => {
  const giveaway = automation(
    "Giveaway",
    {
      trigger: { type: "comment", posts: { mode: "any" } },
      conditions: { keywords: { mode: "contains_word", values: ["WIN"] } },
      actions: [
        { type: "public_reply", variants: ["Good luck!", "Entered!"] },
        { type: "delay", seconds: 90 },
        { type: "private_reply", message: { text: "You're in" } },
        { type: "tag_contact", tags: ["giveaway"] },
      ],
    },
    { priority: 2 },
  );
  const welcome = automation("Welcome", { trigger: { type: "first_dm" }, actions: [{ type: "dm", message: { text: "Hi" } }] });

  it("summarises the winner's actions and lists the rest, listeners first", () => {
    const e = explainDecision(evaluateAutomations(input({ automations: [welcome, giveaway], event: event({ text: "win win" }) })), "comment");
    expect(e.headline).toBe('"Giveaway" answers a comment: public reply (2 variants), then wait 1 minute 30 seconds, then private reply, then tag contact: giveaway');
    expect(e.lines).toEqual([
      { automationName: "Giveaway", outcome: "matched", label: "Answers", reason: 'Matched keyword "WIN"' },
      { automationName: "Welcome", outcome: "not_applicable", label: "Not listening", reason: "Listens for first messages from new contacts; this was a comment" },
    ]);
  });

  it("distinguishes 'nothing answered' from 'nothing listens'", () => {
    expect(explainDecision(evaluateAutomations(input({ automations: [giveaway], event: event({ text: "hi" }) })), "comment").headline).toBe(
      "No automation answers a comment",
    );
    expect(explainDecision(evaluateAutomations(input({ automations: [giveaway], event: event({ kind: "reaction" }) })), "reaction").headline).toBe(
      "No automation listens for a reaction",
    );
  });

  it("describes triggers and actions in words", () => {
    expect(describeTrigger({ type: "comment", posts: { mode: "selected", mediaIds: ["a", "b"] }, includeReplies: false })).toBe("When someone comments on 2 selected posts");
    expect(describeTrigger({ type: "comment", posts: { mode: "next_post" }, includeReplies: false })).toBe("When someone comments on your next post");
    expect(describeTrigger({ type: "story_mention" })).toBe("When someone mentions you in their story");
    expect(describeAction({ type: "webhook", url: "https://hooks.example.com/x?y=1" })).toBe("call webhook hooks.example.com");
    expect(describeAction({ type: "delay", seconds: 3_600 })).toBe("wait 1 hour");
  });
});

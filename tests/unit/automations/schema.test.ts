import { describe, expect, it } from "vitest";
import { collectDefinitionIssues } from "@/lib/automations/definition-rules";
import {
  ZAutomationDefinition,
  ZCreateAutomation,
  ZUpdateAutomation,
  type TAutomationDefinitionInput,
} from "@/lib/automations/schema";
import { isAllowedWebhookUrl } from "@/lib/automations/webhook-url";

const commentToDm: TAutomationDefinitionInput = {
  trigger: { type: "comment", posts: { mode: "selected", mediaIds: ["media-1"] } },
  conditions: { keywords: { mode: "contains_word", values: ["PRICE", "LINK"] } },
  actions: [
    { type: "public_reply", variants: ["{Sent|Check your DMs} @{{username}} 📩"] },
    {
      type: "private_reply",
      message: { text: "Hi {{first_name|there}}! Here's the price list", buttons: [{ type: "web_url", title: "Price list", url: "https://shop.example/prices" }] },
    },
  ],
};

function errorsOf(def: unknown): string[] {
  const r = ZAutomationDefinition.safeParse(def);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

const withActions = (trigger: TAutomationDefinitionInput["trigger"], actions: TAutomationDefinitionInput["actions"], conditions = {}) => ({
  trigger,
  conditions,
  actions,
});
const dm = { type: "dm" as const, message: { text: "Hello" } };
const DM_KEYWORD = { type: "dm_keyword" as const };
const KW = { keywords: { mode: "contains_word" as const, values: ["hi"] } };

describe("ZAutomationDefinition: shape and defaults", () => {
  it("parses a comment-to-DM automation and fills defaults", () => {
    const def = ZAutomationDefinition.parse(commentToDm);
    expect(def.trigger).toEqual({ type: "comment", posts: { mode: "selected", mediaIds: ["media-1"] }, includeReplies: false });
    expect(def.conditions).toEqual({
      keywords: { mode: "contains_word", values: ["PRICE", "LINK"] },
      excludeKeywords: [],
      reentry: { policy: "always" },
      audience: "all",
    });
    const pr = def.actions[1];
    expect(pr?.type === "private_reply" && pr.message.trackLinks).toBe(true);
  });

  it("defaults conditions entirely", () => {
    const def = ZAutomationDefinition.parse({ trigger: { type: "dm_any" }, actions: [dm] });
    expect(def.conditions.keywords).toEqual({ mode: "any", values: [] });
  });

  it("enforces Instagram's quick reply and button limits", () => {
    const qr = (n: number, title = "Yes") => Array.from({ length: n }, (_, i) => ({ title, payload: `P${i}` }));
    const msg = (m: object) => withActions(DM_KEYWORD, [{ type: "dm", message: { text: "Pick one", ...m } }], KW);
    expect(errorsOf(msg({ quickReplies: qr(13) }))).toEqual([]);
    expect(errorsOf(msg({ quickReplies: qr(14) }))).not.toEqual([]);
    expect(errorsOf(msg({ quickReplies: qr(1, "🔥".repeat(20)) }))).toEqual([]); // 20 characters, 80 bytes
    expect(errorsOf(msg({ quickReplies: qr(1, "x".repeat(21)) }))).toContain("Must be at most 20 characters");
    const btn = { type: "postback", title: "More", payload: "MORE" };
    expect(errorsOf(msg({ buttons: [btn, btn, btn] }))).toEqual([]);
    expect(errorsOf(msg({ buttons: [btn, btn, btn, btn] }))).not.toEqual([]);
    expect(errorsOf(msg({ buttons: [btn], quickReplies: qr(1) }))[0]).toMatch(/quick replies or buttons, not both/);
    expect(errorsOf(msg({ buttons: [{ type: "web_url", title: "Go", url: "http://shop.example" }] }))).toContain("Must be an https:// URL");
    expect(errorsOf(msg({ imageUrl: "ftp://x/y.png" }))).toContain("Must be an https:// URL");
  });

  it("rejects template mistakes in message text and reply variants", () => {
    expect(errorsOf(withActions(DM_KEYWORD, [{ type: "dm", message: { text: "Hi {there" } }], KW))[0]).toMatch(/never closed/);
    expect(errorsOf({ ...commentToDm, actions: [{ type: "public_reply", variants: ["ok", "{{coupon}}"] }] })[0]).toMatch(/Unknown variable \{\{coupon\}\}/);
    expect(errorsOf({ ...commentToDm, actions: [{ type: "public_reply", variants: [] }] })).not.toEqual([]);
    expect(errorsOf({ ...commentToDm, actions: [{ type: "public_reply", variants: Array(21).fill("x") }] })).not.toEqual([]);
  });

  it("rejects keywords that are empty once normalised", () => {
    expect(errorsOf({ ...commentToDm, conditions: { keywords: { mode: "contains", values: ["\uFE0F"] } } })[0]).toMatch(/Keyword is empty/);
    expect(errorsOf({ ...commentToDm, conditions: { keywords: { mode: "exact", values: [] } } })).toContain("Add at least one keyword, or match any text");
  });

  it("validates active hours and re-entry", () => {
    const c = (conditions: object) => errorsOf({ ...commentToDm, conditions });
    expect(c({ activeHours: { days: [1, 2], start: "22:00", end: "02:00" } })).toEqual([]);
    expect(c({ activeHours: { days: [1], start: "24:00", end: "02:00" } })).toContain("Use 24-hour HH:MM");
    expect(c({ activeHours: { days: [1, 1], start: "09:00", end: "17:00" } })).toContain("Each day only once");
    expect(c({ activeHours: { days: [7], start: "09:00", end: "17:00" } })).not.toEqual([]);
    expect(c({ reentry: { policy: "cooldown", minutes: 0 } })).not.toEqual([]);
    expect(c({ reentry: { policy: "cooldown", minutes: 60 } })).toEqual([]);
  });

  it("bounds delays", () => {
    expect(errorsOf(withActions(DM_KEYWORD, [{ type: "delay", seconds: 23 * 3600 }, dm], KW))).toEqual([]);
    expect(errorsOf(withActions(DM_KEYWORD, [{ type: "delay", seconds: 23 * 3600 + 1 }, dm], KW))).not.toEqual([]);
  });
});

describe("ZAutomationDefinition: impossible combinations", () => {
  const cases: [string, unknown, RegExp][] = [
    ["private reply on a DM trigger", withActions(DM_KEYWORD, [{ type: "private_reply", message: { text: "x" } }], KW), /private reply answers a comment/],
    ["public reply on a story reply", withActions({ type: "story_reply" }, [{ type: "public_reply", variants: ["x"] }]), /public reply answers a comment/],
    ["hiding a DM", withActions({ type: "dm_any" }, [{ type: "hide_comment" }]), /Only comments can be hidden/],
    ["public reply to a live comment", withActions({ type: "live_comment" }, [{ type: "public_reply", variants: ["x"] }]), /live comments/],
    [
      "two private replies",
      withActions({ type: "comment", posts: { mode: "any" } }, [
        { type: "private_reply", message: { text: "a" } },
        { type: "private_reply", message: { text: "b" } },
      ]),
      /one per comment/,
    ],
    [
      "replying after hiding",
      withActions({ type: "comment", posts: { mode: "any" } }, [{ type: "hide_comment" }, { type: "public_reply", variants: ["x"] }]),
      /Hidden comments can't be replied to/,
    ],
    [
      "delays adding up past the 24-hour window",
      withActions(DM_KEYWORD, [{ type: "delay", seconds: 12 * 3600 }, dm, { type: "delay", seconds: 12 * 3600 }, dm], KW),
      /1 day after the trigger, outside Instagram's 24-hour messaging window/,
    ],
    ["DM keyword without keywords", withActions(DM_KEYWORD, [dm]), /needs keywords/],
    ["Any DM with keywords", withActions({ type: "dm_any" }, [dm], KW), /answers every message/],
    ["keywords on story mentions", withActions({ type: "story_mention" }, [dm], KW), /Story mentions carry no text/],
    ["welcome for returning contacts", withActions({ type: "first_dm" }, [dm], { audience: "returning" }), /only reaches new contacts/],
    ["once per post on DMs", withActions(DM_KEYWORD, [dm], { ...KW, reentry: { policy: "once_per_post" } }), /only applies to comment and story/],
    [
      "an image in a private reply",
      withActions({ type: "comment", posts: { mode: "any" } }, [{ type: "private_reply", message: { text: "x", imageUrl: "https://cdn.example/a.png" } }]),
      /can't also send an image/,
    ],
    ["only delays", withActions(DM_KEYWORD, [{ type: "delay", seconds: 5 }], KW), /besides delays/],
    ["a message over 1000 bytes", withActions(DM_KEYWORD, [{ type: "dm", message: { text: "é".repeat(501) } }], KW), /1002 bytes even at its shortest/],
    [
      "button text over 640 characters",
      withActions(DM_KEYWORD, [{ type: "dm", message: { text: "x".repeat(641), buttons: [{ type: "postback", title: "OK", payload: "OK" }] } }], KW),
      /limited to 640 characters/,
    ],
  ];
  it.each(cases)("rejects %s", (_name, def, message) => {
    const errors = errorsOf(def);
    expect(errors.some((e) => message.test(e)), errors.join(" | ")).toBe(true);
  });
});

describe("collectDefinitionIssues: warnings", () => {
  const codes = (def: TAutomationDefinitionInput) => collectDefinitionIssues(ZAutomationDefinition.parse(def)).map((i) => `${i.severity}:${i.code}`);

  it("warns when spintax and names can push a message past 1000 bytes", () => {
    const text = "x".repeat(960) + " {{first_name}}";
    expect(codes(withActions(DM_KEYWORD, [{ type: "dm", message: { text } }], KW))).toEqual(["warning:text_may_be_too_long"]);
  });

  it("warns that a comment doesn't open the DM window", () => {
    expect(codes(withActions({ type: "comment", posts: { mode: "any" } }, [dm]))).toEqual(["warning:dm_needs_window"]);
  });

  it("warns about trailing delays, duplicate variants and rich private replies", () => {
    expect(codes(withActions(DM_KEYWORD, [dm, { type: "delay", seconds: 60 }], KW))).toEqual(["warning:trailing_delay"]);
    expect(codes({ ...commentToDm, actions: [{ type: "public_reply", variants: ["Sent!", "Sent! "] }] })).toEqual(["warning:duplicate_variants"]);
    expect(codes(commentToDm)).toEqual(["warning:private_reply_rich"]);
  });

  it("points each issue at the offending field", () => {
    const issues = collectDefinitionIssues(ZAutomationDefinition.parse(withActions(DM_KEYWORD, [dm, { type: "dm", message: { text: "y".repeat(990) + "{{name}}" } }], KW)));
    expect(issues[0]?.path).toEqual(["actions", 1, "message", "text"]);
  });
});

describe("webhook URLs", () => {
  it("accepts public https URLs and refuses everything an SSRF would use", () => {
    expect(isAllowedWebhookUrl("https://hooks.zapier.com/abc", false)).toBe(true);
    expect(isAllowedWebhookUrl("https://[2606:4700:4700::1111]/x", false)).toBe(true);
    expect(isAllowedWebhookUrl("https://[2001:db8::1]/x", false)).toBe(false); // documentation range, never routed
    for (const bad of [
      "http://hooks.example.com/x",
      "https://localhost/x",
      "http://localhost:3000/x",
      "https://127.0.0.1/x",
      "https://10.1.2.3/x",
      "https://192.168.0.10/x",
      "https://172.20.0.1/x",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/x",
      "https://[fd00::1]/x",
      "https://redis/x",
      "https://db.internal/x",
      "https://user:pass@hooks.example.com/x",
      "not a url",
    ]) {
      expect(isAllowedWebhookUrl(bad, false), bad).toBe(false);
    }
  });

  it("allows loopback only in development", () => {
    expect(isAllowedWebhookUrl("http://localhost:4000/hook", true)).toBe(true);
    expect(isAllowedWebhookUrl("http://127.0.0.1:4000/hook", true)).toBe(true);
    expect(isAllowedWebhookUrl("http://10.0.0.5/hook", true)).toBe(false);
  });

  it("the schema applies the rule for the current environment (test = not production)", () => {
    const hook = (url: string) => errorsOf(withActions(DM_KEYWORD, [{ type: "webhook", url }], KW));
    expect(hook("http://localhost:4000/hook")).toEqual([]);
    expect(hook("https://169.254.169.254/")).toEqual(["Must be a public https:// URL (http://localhost only in development)"]);
  });
});

describe("ZCreateAutomation / ZUpdateAutomation", () => {
  it("creates drafts at priority 0 by default", () => {
    const c = ZCreateAutomation.parse({ accountId: "acc1", name: "  Price list  ", definition: commentToDm });
    expect(c).toMatchObject({ accountId: "acc1", name: "Price list", status: "draft", priority: 0 });
  });

  it("rejects a blank name and a fractional priority", () => {
    expect(ZCreateAutomation.safeParse({ accountId: "a", name: " ", definition: commentToDm }).success).toBe(false);
    expect(ZCreateAutomation.safeParse({ accountId: "a", name: "x", priority: 1.5, definition: commentToDm }).success).toBe(false);
  });

  it("requires something to update", () => {
    expect(ZUpdateAutomation.safeParse({}).success).toBe(false);
    expect(ZUpdateAutomation.safeParse({ expectedVersion: 3 }).success).toBe(false);
    expect(ZUpdateAutomation.parse({ status: "paused", expectedVersion: 3 })).toEqual({ status: "paused", expectedVersion: 3 });
  });
});

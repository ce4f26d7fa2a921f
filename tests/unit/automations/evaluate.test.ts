import { describe, expect, it } from "vitest";
import { evaluateAutomations, type TDecision, type TPriorRun } from "@/lib/automations/evaluate";
import type { TReentry } from "@/lib/automations/schema";
import { automation, event, input, MINUTE, NOW } from "./fixtures";

const privateReply = { type: "private_reply" as const, message: { text: "Here you go" } };
const publicReply = { type: "public_reply" as const, variants: ["Sent!"] };
const dm = { type: "dm" as const, message: { text: "Hello" } };
const anyPost = { type: "comment" as const, posts: { mode: "any" as const } };
const priceKw = { keywords: { mode: "contains_word" as const, values: ["PRICE", "LINK"] } };

const byName = (d: TDecision, name: string) => d.evaluations.find((e) => e.name === name);

describe("evaluateAutomations: priority and the single winner", () => {
  const giveaway = automation("Giveaway", { trigger: anyPost, conditions: priceKw, actions: [publicReply, privateReply] }, { priority: 10 });
  const priceList = automation("Price list", { trigger: anyPost, conditions: priceKw, actions: [privateReply] }, { priority: 1 });

  it("lets the higher priority win and tells the other why it stood down", () => {
    const d = evaluateAutomations(input({ automations: [priceList, giveaway] }));
    expect(d.winner).toEqual({ automationId: giveaway.id, name: "Giveaway", version: 1, actions: giveaway.definition.actions, matchedKeyword: "PRICE" });
    expect(byName(d, "Giveaway")).toMatchObject({ outcome: "matched", reason: 'Matched keyword "PRICE"', matchedKeyword: "PRICE" });
    expect(byName(d, "Price list")).toMatchObject({ outcome: "skipped", reason: 'Another automation with higher priority ("Giveaway") already answered' });
    expect(d.evaluations.map((e) => e.name)).toEqual(["Giveaway", "Price list"]);
  });

  it("breaks priority ties by the older automation", () => {
    const older = automation("Older", { trigger: anyPost, actions: [privateReply] }, { createdAt: new Date(NOW - 5 * MINUTE) });
    const newer = automation("Newer", { trigger: anyPost, actions: [privateReply] }, { createdAt: new Date(NOW - MINUTE) });
    const d = evaluateAutomations(input({ automations: [newer, older] }));
    expect(d.winner?.name).toBe("Older");
    expect(byName(d, "Newer")?.reason).toBe('Another automation with the same priority, created earlier ("Older"), already answered');
  });

  it("falls through to a lower priority automation when the higher one doesn't match", () => {
    const vip = automation("VIP", { trigger: anyPost, conditions: { keywords: { mode: "exact", values: ["VIP"] } }, actions: [privateReply] }, { priority: 5 });
    const d = evaluateAutomations(input({ automations: [vip, priceList] }));
    expect(d.winner?.name).toBe("Price list");
    expect(byName(d, "VIP")).toMatchObject({ outcome: "skipped", reason: "Comment isn't exactly any of: VIP" });
  });

  it("has no winner when nothing matches, and says why for each", () => {
    const d = evaluateAutomations(input({ automations: [giveaway], event: event({ text: "nice pic" }) }));
    expect(d.winner).toBeUndefined();
    expect(d.evaluations).toEqual([
      { automationId: giveaway.id, name: "Giveaway", priority: 10, outcome: "skipped", reason: "Comment doesn't contain any of: PRICE, LINK" },
    ]);
  });

  it("lets an exclusion keyword veto a match", () => {
    const a = automation("Price", { trigger: anyPost, conditions: { ...priceKw, excludeKeywords: ["spam"] }, actions: [privateReply] });
    const d = evaluateAutomations(input({ automations: [a], event: event({ text: "PRICE spam" }) }));
    expect(byName(d, "Price")).toMatchObject({ outcome: "skipped", reason: 'Excluded keyword "spam" found' });
  });
});

describe("evaluateAutomations: events that never match", () => {
  const dmAuto = automation("DM hello", { trigger: { type: "dm_any" }, actions: [dm] });
  const commentAuto = automation("Comments", { trigger: anyPost, actions: [privateReply] });

  it("skips standby events: another app owns the conversation", () => {
    const d = evaluateAutomations(input({ automations: [dmAuto, commentAuto], event: event({ kind: "dm", standby: true, text: "hi" }) }));
    expect(d.winner).toBeUndefined();
    expect(byName(d, "DM hello")).toMatchObject({ outcome: "skipped", reason: "Another app owns this conversation" });
    expect(byName(d, "Comments")).toMatchObject({ outcome: "not_applicable", reason: "Listens for comments on posts; this was a direct message" });
  });

  it("never reacts to the account's own activity (loop guard)", () => {
    const d = evaluateAutomations(input({ automations: [commentAuto], event: event({ senderId: "17841400000000001" }) }));
    expect(d.winner).toBeUndefined();
    expect(d.evaluations[0]).toMatchObject({ outcome: "not_applicable", reason: "Your own account's activity never triggers automations" });
  });

  it("ignores reactions, reads and edits", () => {
    for (const kind of ["reaction", "read", "message_edit", "message_deleted"] as const) {
      const d = evaluateAutomations(input({ automations: [dmAuto, commentAuto], event: event({ kind }) }));
      expect(d.winner).toBeUndefined();
      expect(d.evaluations.every((e) => e.outcome === "not_applicable")).toBe(true);
    }
  });
});

describe("evaluateAutomations: re-entry", () => {
  const make = (reentry: TReentry) => automation("Price", { trigger: anyPost, conditions: { ...priceKw, reentry }, actions: [privateReply] });
  const run = (automationId: string, over: Partial<TPriorRun> = {}): TPriorRun => ({ automationId, contactId: "contact-anna", mediaId: "media-1", at: NOW - 30 * MINUTE, ...over });
  const decide = (a: ReturnType<typeof make>, priorRuns: TPriorRun[], ev = event()) =>
    evaluateAutomations(input({ automations: [a], event: ev, facts: { contact: { id: "contact-anna", isNew: false, windowOpen: false }, priorRuns } }));

  it("once per contact: replies the first time, then never again to that person", () => {
    const a = make({ policy: "once_per_contact" });
    expect(decide(a, []).winner).toBeDefined();
    expect(decide(a, [run(a.id, { mediaId: "media-9" })]).evaluations[0]?.reason).toBe("Already replied to @anna for this automation");
    expect(decide(a, [run("another-automation")]).winner).toBeDefined();
    expect(decide(a, [run(a.id, { contactId: "contact-bob" })]).winner).toBeDefined();
  });

  it("once per post: blocks the same post only", () => {
    const a = make({ policy: "once_per_post" });
    expect(decide(a, [run(a.id)]).evaluations[0]?.reason).toBe("Already replied to @anna on this post");
    expect(decide(a, [run(a.id, { mediaId: "media-2" })]).winner).toBeDefined();
  });

  it("cooldown: waits the configured time since the last reply", () => {
    const a = make({ policy: "cooldown", minutes: 60 });
    expect(decide(a, [run(a.id)]).evaluations[0]?.reason).toBe(
      "Replied to @anna 30 minutes ago; this automation waits 1 hour between replies to the same person",
    );
    expect(decide(a, [run(a.id, { at: NOW - 61 * MINUTE })]).winner).toBeDefined();
    expect(decide(a, [run(a.id, { at: new Date(NOW - 61 * MINUTE) }), run(a.id, { at: NOW - 5 * MINUTE })]).winner).toBeUndefined();
  });

  it("always: replies every time", () => {
    const a = make({ policy: "always" });
    expect(decide(a, [run(a.id, { at: NOW - 1 })]).winner).toBeDefined();
  });

  it("names the person when it can, and says 'this person' when it can't", () => {
    const a = make({ policy: "once_per_contact" });
    expect(decide(a, [run(a.id)], event({ senderUsername: undefined })).evaluations[0]?.reason).toBe("Already replied to this person for this automation");
  });
});

describe("evaluateAutomations: audience and active hours", () => {
  const withConditions = (conditions: object) => automation("A", { trigger: { type: "dm_any" }, conditions, actions: [dm] });
  const dmEvent = event({ kind: "dm", text: "hello" });
  const decide = (conditions: object, isNew: boolean, over: object = {}) =>
    evaluateAutomations(input({ automations: [withConditions(conditions)], event: dmEvent, facts: { contact: { isNew, windowOpen: true }, priorRuns: [] }, ...over }));

  it("targets new or returning contacts", () => {
    expect(decide({ audience: "new" }, true).winner).toBeDefined();
    expect(decide({ audience: "new" }, false).evaluations[0]?.reason).toBe("Only for new contacts, and @anna has interacted with you before");
    expect(decide({ audience: "returning" }, false).winner).toBeDefined();
    expect(decide({ audience: "returning" }, true).evaluations[0]?.reason).toBe("Only for returning contacts, and @anna is new");
  });

  it("respects active hours in the tenant's time zone", () => {
    const hours = { activeHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" } };
    // NOW is Wed 12:00 UTC = 13:00 Berlin (inside) = 21:00 Tokyo (outside)
    expect(decide(hours, false, { timezone: "Europe/Berlin" }).winner).toBeDefined();
    expect(decide(hours, false, { timezone: "Asia/Tokyo" }).evaluations[0]?.reason).toBe("Outside active hours (Mon–Fri 09:00–17:00 Asia/Tokyo)");
    expect(decide(hours, false, { timezone: "Nowhere/City" }).evaluations[0]?.reason).toBe('Active hours can\'t be checked: unknown time zone "Nowhere/City"');
  });
});

describe("evaluateAutomations: trigger kinds", () => {
  it("comment on selected posts only", () => {
    const a = automation("Reel", { trigger: { type: "comment", posts: { mode: "selected", mediaIds: ["media-7"] } }, actions: [privateReply] });
    expect(evaluateAutomations(input({ automations: [a], event: event({ mediaId: "media-7" }) })).winner).toBeDefined();
    expect(evaluateAutomations(input({ automations: [a] })).evaluations[0]?.reason).toBe("Comment is on a post this automation doesn't watch");
  });

  it("ignores replies inside comment threads unless asked", () => {
    const reply = event({ parentCommentId: "c0" });
    const off = automation("Off", { trigger: anyPost, actions: [privateReply] });
    const on = automation("On", { trigger: { ...anyPost, includeReplies: true }, actions: [privateReply] });
    expect(evaluateAutomations(input({ automations: [off], event: reply })).evaluations[0]?.reason).toMatch(/^Replies inside comment threads are ignored/);
    expect(evaluateAutomations(input({ automations: [on], event: reply })).winner).toBeDefined();
  });

  it("next post: waits for a post published after it was armed, then claims it", () => {
    const armedAt = NOW - 60 * MINUTE;
    const a = automation("Next", { trigger: { type: "comment", posts: { mode: "next_post", armedAt } }, actions: [privateReply] });
    const withMedia = (publishedAt?: number) =>
      evaluateAutomations(input({ automations: [a], facts: { contact: { isNew: false, windowOpen: false }, priorRuns: [], media: { id: "media-1", ...(publishedAt ? { publishedAt } : {}) } } }));
    expect(withMedia(armedAt - MINUTE).evaluations[0]?.reason).toBe("Next-post automation waits for a newer post");
    expect(withMedia(undefined).evaluations[0]?.reason).toBe("Next-post automation can't tell when this post was published");
    expect(withMedia(armedAt + MINUTE).winner).toMatchObject({ name: "Next", bindNextPostMediaId: "media-1" });

    const bound = automation("Bound", { trigger: { type: "comment", posts: { mode: "next_post", armedAt, boundMediaId: "media-1" } }, actions: [privateReply] });
    const d = evaluateAutomations(input({ automations: [bound] }));
    expect(d.winner?.bindNextPostMediaId).toBeUndefined();
    expect(evaluateAutomations(input({ automations: [bound], event: event({ mediaId: "media-2" }) })).evaluations[0]?.reason).toBe(
      "Next-post automation is attached to a different post",
    );
  });

  it("uses 'Any DM' only when no other DM automation matched, whatever its priority", () => {
    const fallback = automation("Fallback", { trigger: { type: "dm_any" }, actions: [dm] }, { priority: 100 });
    const price = automation("Price DM", { trigger: { type: "dm_keyword" }, conditions: priceKw, actions: [dm] });
    const ask = (text: string) => evaluateAutomations(input({ automations: [fallback, price], event: event({ kind: "dm", text }) }));
    expect(ask("price?").winner?.name).toBe("Price DM");
    expect(byName(ask("price?"), "Fallback")?.reason).toBe('A more specific automation ("Price DM") answered this message');
    expect(ask("hello").winner?.name).toBe("Fallback");
    expect(byName(ask("hello"), "Price DM")?.reason).toBe("Message doesn't contain any of: PRICE, LINK");
  });

  it("welcomes first-time contacts only", () => {
    const welcome = automation("Welcome", { trigger: { type: "first_dm" }, actions: [dm] });
    const ask = (isNew: boolean) =>
      evaluateAutomations(input({ automations: [welcome], event: event({ kind: "dm", text: "hey" }), facts: { contact: { isNew, windowOpen: true }, priorRuns: [] } }));
    expect(ask(true).evaluations[0]).toMatchObject({ outcome: "matched", reason: "First message from @anna" });
    expect(ask(false).evaluations[0]?.reason).toBe("Welcome message is only for people messaging you for the first time");
  });

  it("story replies (optionally per story, with emoji keywords) and story mentions", () => {
    const fire = automation("Fire", { trigger: { type: "story_reply", storyIds: ["story-1"] }, conditions: { keywords: { mode: "contains_word", values: ["🔥"] } }, actions: [dm] });
    const mention = automation("Mention", { trigger: { type: "story_mention" }, actions: [dm] });
    const reply = (storyId: string, text: string) => evaluateAutomations(input({ automations: [fire, mention], event: event({ kind: "story_reply", storyId, text, mediaId: undefined }) }));
    expect(reply("story-1", "🔥️🔥").winner?.name).toBe("Fire");
    expect(reply("story-2", "🔥").evaluations[0]?.reason).toBe("Reply is to a story this automation doesn't watch");
    expect(reply("story-1", "😍").evaluations[0]?.reason).toBe("Story reply doesn't contain any of: 🔥");
    const m = evaluateAutomations(input({ automations: [fire, mention], event: event({ kind: "story_mention", text: undefined, mediaId: undefined }) }));
    expect(m.winner?.name).toBe("Mention");
    expect(byName(m, "Mention")?.reason).toBe("Matches any story mention");
  });

  it("postbacks and quick replies match by exact payload", () => {
    const ice = automation("Ice breaker", { trigger: { type: "postback", payloads: ["PRICES", "HOURS"] }, actions: [dm] });
    const tap = (kind: "postback" | "quick_reply", payload?: string) =>
      evaluateAutomations(input({ automations: [ice], event: event({ kind, payload, text: "What are your prices?" }) }));
    expect(tap("postback", "PRICES").evaluations[0]).toMatchObject({ outcome: "matched", reason: 'Matched button payload "PRICES"' });
    expect(tap("quick_reply", "HOURS").winner).toBeDefined();
    expect(tap("postback", "prices").evaluations[0]?.reason).toBe('Button payload "prices" isn\'t one of: PRICES, HOURS');
    expect(tap("postback").evaluations[0]?.reason).toBe("Button tap carried no payload");
  });

  it("referrals match by ref, case-insensitively, or any ref", () => {
    const summer = automation("Summer", { trigger: { type: "referral", refs: ["summer-sale"] }, actions: [dm] }, { priority: 1 });
    const anyRef = automation("Any ref", { trigger: { type: "referral" }, actions: [dm] });
    const visit = (referralRef?: string) => evaluateAutomations(input({ automations: [summer, anyRef], event: event({ kind: "referral", referralRef, text: undefined }) }));
    expect(visit("SUMMER-SALE").winner?.name).toBe("Summer");
    expect(visit("winter").winner?.name).toBe("Any ref");
    expect(byName(visit("winter"), "Summer")?.reason).toBe('Link ref "winter" isn\'t one of: summer-sale');
    expect(byName(visit(undefined), "Any ref")?.reason).toBe("Matches any ig.me link visit");
  });

  it("live comments trigger live automations, not post automations", () => {
    const live = automation("Live", { trigger: { type: "live_comment" }, conditions: priceKw, actions: [privateReply] });
    const post = automation("Post", { trigger: anyPost, conditions: priceKw, actions: [privateReply] });
    const d = evaluateAutomations(input({ automations: [post, live], event: event({ kind: "live_comment" }) }));
    expect(d.winner?.name).toBe("Live");
    expect(byName(d, "Post")?.reason).toBe("Listens for comments on posts; this was a live comment");
  });
});

describe("evaluateAutomations: sends Instagram would refuse", () => {
  it("skips a DM-only comment automation when the person's window is closed", () => {
    const a = automation("DM on comment", { trigger: anyPost, actions: [dm] });
    const decide = (windowOpen: boolean) => evaluateAutomations(input({ automations: [a], facts: { contact: { isNew: false, windowOpen }, priorRuns: [] } }));
    expect(decide(false).evaluations[0]?.reason).toBe("Can't DM @anna: they haven't messaged you in the last 24 hours, and a comment doesn't open a conversation");
    expect(decide(true).winner).toBeDefined();
    const lastWeek = evaluateAutomations(
      input({ automations: [a], facts: { contact: { isNew: false, windowOpen: false, lastInboundAt: NOW - 3 * 24 * 60 * MINUTE }, priorRuns: [] } }),
    );
    expect(lastWeek.evaluations[0]?.reason).toBe("Can't DM @anna: they last messaged you 3 days ago, and a comment doesn't open a conversation");
  });

  it("skips a private reply to a comment older than 7 days (e.g. a backfill)", () => {
    const a = automation("Old", { trigger: anyPost, actions: [privateReply] });
    const d = evaluateAutomations(input({ automations: [a], event: event({ occurredAt: NOW - 8 * 24 * 60 * MINUTE }) }));
    expect(d.evaluations[0]?.reason).toBe("Comment is more than 7 days old; Instagram no longer allows a private reply");
  });
});

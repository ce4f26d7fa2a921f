import { formatSeconds, TRIGGER_LABELS } from "./labels";
import { MAX_BUTTON_TEXT_CHARS, MAX_DELAY_SECONDS, MAX_TEXT_BYTES } from "./limits";
import { templateSize } from "./render-template";
import type { TAutomationDefinition, TMessageContent, TTriggerType } from "./schema";

/**
 * Cross-field rules for an automation definition: combinations Instagram makes impossible are
 * errors (the schema rejects them), combinations that may fail at send time are warnings (the
 * API returns them so the builder can show them). Type-only imports from schema.ts keep this
 * module free of a runtime import cycle.
 */

export type TDefinitionIssue = {
  severity: "error" | "warning";
  code: string;
  message: string;
  path: (string | number)[];
};

export const COMMENT_TRIGGERS: ReadonlySet<TTriggerType> = new Set(["comment", "live_comment"]);
/** Triggers whose events belong to a post or story, so "once per post" means something. */
export const POST_SCOPED_TRIGGERS: ReadonlySet<TTriggerType> = new Set(["comment", "live_comment", "story_reply", "story_mention"]);
/** Triggers whose events carry no text of the person's own to match keywords against. */
const TEXTLESS_TRIGGERS: ReadonlySet<TTriggerType> = new Set(["story_mention", "postback", "referral"]);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function checkMessage(msg: TMessageContent, path: (string | number)[], add: (i: TDefinitionIssue) => void): void {
  const at = [...path, "text"];
  const bytes = templateSize(msg.text, "bytes");
  if (bytes.min > MAX_TEXT_BYTES) {
    add({ severity: "error", code: "text_too_long", path: at, message: `Message is ${bytes.min} bytes even at its shortest; Instagram allows ${MAX_TEXT_BYTES}` });
  } else if (bytes.max > MAX_TEXT_BYTES) {
    add({
      severity: "warning",
      code: "text_may_be_too_long",
      path: at,
      message: `Message can reach ${bytes.max} bytes with the longest spintax choices and names; Instagram rejects messages over ${MAX_TEXT_BYTES} bytes`,
    });
  }
  if (!msg.buttons) return;
  const chars = templateSize(msg.text, "chars");
  if (chars.min > MAX_BUTTON_TEXT_CHARS) {
    add({ severity: "error", code: "button_text_too_long", path: at, message: `Text above buttons is limited to ${MAX_BUTTON_TEXT_CHARS} characters` });
  } else if (chars.max > MAX_BUTTON_TEXT_CHARS) {
    add({ severity: "warning", code: "button_text_may_be_too_long", path: at, message: `Text above buttons can reach ${chars.max} characters; Instagram allows ${MAX_BUTTON_TEXT_CHARS}` });
  }
}

function checkConditions(def: TAutomationDefinition, add: (i: TDefinitionIssue) => void): void {
  const t = def.trigger.type;
  const { keywords, audience, reentry } = def.conditions;
  const kwPath = ["conditions", "keywords"];
  if (t === "dm_keyword" && keywords.mode === "any") {
    add({ severity: "error", code: "keywords_required", path: kwPath, message: 'A "DM keyword" trigger needs keywords; use "Any DM" to answer every message' });
  }
  if (t === "dm_any" && keywords.mode !== "any") {
    add({ severity: "error", code: "keywords_not_allowed", path: kwPath, message: '"Any DM" answers every message; use a "DM keyword" trigger to match keywords' });
  }
  if (TEXTLESS_TRIGGERS.has(t) && keywords.mode !== "any") {
    add({ severity: "error", code: "keywords_not_allowed", path: kwPath, message: `${capitalize(TRIGGER_LABELS[t])} carry no text to match keywords against` });
  }
  if (t === "first_dm" && audience === "returning") {
    add({ severity: "error", code: "impossible_audience", path: ["conditions", "audience"], message: "A welcome message only reaches new contacts, so it can't target returning ones" });
  }
  if (reentry.policy === "once_per_post" && !POST_SCOPED_TRIGGERS.has(t)) {
    add({ severity: "error", code: "reentry_needs_post", path: ["conditions", "reentry"], message: '"Once per post" only applies to comment and story triggers' });
  }
}

function checkActions(def: TAutomationDefinition, add: (i: TDefinitionIssue) => void): void {
  const t = def.trigger.type;
  const onComment = COMMENT_TRIGGERS.has(t);
  const count: Partial<Record<string, number>> = {};
  let elapsed = 0;
  let hideAt = -1;
  def.actions.forEach((action, i) => {
    const path = ["actions", i];
    count[action.type] = (count[action.type] ?? 0) + 1;
    const err = (code: string, message: string) => add({ severity: "error", code, message, path });
    const warn = (code: string, message: string) => add({ severity: "warning", code, message, path });
    switch (action.type) {
      case "public_reply":
        if (!onComment) err("needs_comment_trigger", "A public reply answers a comment, so it only works with comment triggers");
        else if (t === "live_comment") err("no_live_public_reply", "Instagram doesn't allow public replies to live comments; use a private reply");
        if (hideAt >= 0) err("reply_after_hide", "Hidden comments can't be replied to; put the public reply before “Hide comment”");
        if (new Set(action.variants.map((v) => v.trim())).size < action.variants.length) warn("duplicate_variants", "Some reply variants are identical");
        break;
      case "hide_comment":
        if (!onComment) err("needs_comment_trigger", "Only comments can be hidden; this trigger isn't a comment");
        hideAt = i;
        break;
      case "private_reply":
        if (!onComment) err("needs_comment_trigger", "A private reply answers a comment; use a DM action for messages");
        if (action.message.imageUrl) err("private_reply_single_message", "A private reply is one message, so it can't also send an image; send the image in a later DM");
        if (action.message.buttons || action.message.quickReplies) {
          warn("private_reply_rich", "Instagram documents only text for private replies; buttons and quick replies may not be shown");
        }
        if (t === "live_comment" && elapsed > 0) warn("live_delay", "Private replies to live comments only work while you're live; a delay may miss the broadcast");
        checkMessage(action.message, [...path, "message"], add);
        break;
      case "dm":
        if (onComment) {
          warn("dm_needs_window", "A comment doesn't open a conversation: this DM only arrives if the person messaged you in the last 24 hours. Use a private reply to start one");
        }
        checkMessage(action.message, [...path, "message"], add);
        break;
      case "delay":
        elapsed += action.seconds;
        break;
      case "tag_contact":
      case "webhook":
        break;
    }
    if ((action.type === "dm" || action.type === "private_reply") && elapsed > MAX_DELAY_SECONDS) {
      add({
        severity: "error",
        code: "outside_window",
        path,
        message: `This message would go out ${formatSeconds(elapsed)} after the trigger, outside Instagram's 24-hour messaging window; keep total delays under 23 hours`,
      });
    }
  });
  for (const type of ["public_reply", "private_reply", "hide_comment"] as const) {
    if ((count[type] ?? 0) > 1) {
      const message = {
        public_reply: "Only one public reply per automation; use variants for variety",
        private_reply: "Only one private reply per automation: Instagram allows one per comment",
        hide_comment: "“Hide comment” only needs to appear once",
      }[type];
      add({ severity: "error", code: "duplicate_action", path: ["actions"], message });
    }
  }
  if (def.actions.every((a) => a.type === "delay")) {
    add({ severity: "error", code: "no_effect", path: ["actions"], message: "Add an action besides delays" });
  } else if (def.actions[def.actions.length - 1]?.type === "delay") {
    add({ severity: "warning", code: "trailing_delay", path: ["actions", def.actions.length - 1], message: "A delay at the end does nothing" });
  }
}

/** All errors and warnings for a parsed definition, in a stable order. */
export function collectDefinitionIssues(def: TAutomationDefinition): TDefinitionIssue[] {
  const issues: TDefinitionIssue[] = [];
  const add = (i: TDefinitionIssue) => issues.push(i);
  checkConditions(def, add);
  checkActions(def, add);
  return issues;
}

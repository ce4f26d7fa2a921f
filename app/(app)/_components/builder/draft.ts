import { collectDefinitionIssues } from "@/lib/automations/definition-rules";
import { ZAutomationDefinition, type TAction, type TAutomationDefinition, type TAutomationDefinitionInput, type TMessageContent } from "@/lib/automations/schema";

/**
 * The builder's state and its validation: the engine's own zod schema and cross-field rules
 * run in the browser on every change, so errors and warnings appear next to the field before
 * saving, in the same words the API would answer with.
 */
export type Draft = {
  name: string;
  accountId: string;
  priority: number;
  definition: TAutomationDefinitionInput;
};

export type Issues = { errors: Map<string, string[]>; warnings: Map<string, string[]>; parsed: TAutomationDefinition | null };

type ActionInput = TAutomationDefinitionInput["actions"][number];
export type ActionType = TAction["type"];
export type MessageInput = Partial<TMessageContent> & { text: string };

function add(map: Map<string, string[]>, path: string, message: string) {
  const list = map.get(path) ?? [];
  if (!list.includes(message)) list.push(message);
  map.set(path, list);
}

export function validateDraft(def: TAutomationDefinitionInput): Issues {
  const errors = new Map<string, string[]>();
  const warnings = new Map<string, string[]>();
  const result = ZAutomationDefinition.safeParse(def);
  if (!result.success) {
    for (const issue of result.error.issues) add(errors, issue.path.join("."), issue.message);
    return { errors, warnings, parsed: null };
  }
  for (const issue of collectDefinitionIssues(result.data)) if (issue.severity === "warning") add(warnings, issue.path.join("."), issue.message);
  return { errors, warnings, parsed: result.data };
}

/** Messages for a path and everything under it ("actions.1" → "actions.1.message.text" too). */
export function issuesUnder(map: Map<string, string[]>, prefix: string): string[] {
  const out: string[] = [];
  for (const [path, messages] of map) if (path === prefix || path.startsWith(`${prefix}.`)) out.push(...messages);
  return [...new Set(out)];
}

export const NEW_ACTIONS: Record<ActionType, () => ActionInput> = {
  public_reply: () => ({ type: "public_reply", variants: ["Thanks {{first_name|friend}}! Check your DMs."] }),
  private_reply: () => ({ type: "private_reply", message: { text: "Hi {{first_name|there}}! Here is what you asked for:" } }),
  dm: () => ({ type: "dm", message: { text: "Hi {{first_name|there}}!" } }),
  delay: () => ({ type: "delay", seconds: 60 }),
  tag_contact: () => ({ type: "tag_contact", tags: ["lead"] }),
  hide_comment: () => ({ type: "hide_comment" }),
  webhook: () => ({ type: "webhook", url: "https://" }),
};

export const ACTION_LABELS: Record<ActionType, { title: string; help: string }> = {
  public_reply: { title: "Public reply", help: "Replies under the comment; one variant is picked at random, never the same twice in a row on a post." },
  private_reply: { title: "Private reply (DM)", help: "Sends one DM anchored to the comment: the only way to start a conversation from a comment, within 7 days." },
  dm: { title: "Direct message", help: "A DM in an open conversation: only arrives if the person messaged you in the last 24 hours." },
  delay: { title: "Wait", help: "Pauses before the next step. Total waits before a DM must stay under 23 hours." },
  tag_contact: { title: "Tag contact", help: "Adds tags to the person, to find them in Contacts." },
  hide_comment: { title: "Hide comment", help: "Hides the comment from everyone but its author (spam, giveaway entries)." },
  webhook: { title: "Call a webhook", help: "POSTs the event, signed, to your URL (Zapier, Make, your server)." },
};

/** A new automation: the classic comment-to-DM, stricter re-entry as the engine recommends for comments. */
export function newDraft(accountId: string): Draft {
  return {
    name: "Price list by DM",
    accountId,
    priority: 0,
    definition: {
      trigger: { type: "comment", posts: { mode: "any" }, includeReplies: false },
      conditions: { keywords: { mode: "contains_word", values: ["PRICE"] }, excludeKeywords: [], reentry: { policy: "once_per_post" }, audience: "all" },
      actions: [NEW_ACTIONS.public_reply(), NEW_ACTIONS.private_reply()],
    },
  };
}

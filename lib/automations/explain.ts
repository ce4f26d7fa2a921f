import type { TInboundEventKind } from "@/lib/events/inbound-event";
import type { TDecision, TEvaluationOutcome } from "./evaluate";
import { EVENT_KIND_LABELS, formatSeconds } from "./labels";
import type { TAction, TTrigger } from "./schema";

/**
 * Readable summaries for the dashboard's "test this comment" panel and the "why didn't X get a
 * DM?" lookup: what would happen, and why each automation did or didn't take part.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeAction(action: TAction): string {
  switch (action.type) {
    case "public_reply":
      return `public reply (${plural(action.variants.length, "variant", "variants")})`;
    case "private_reply":
      return "private reply";
    case "dm":
      return "DM";
    case "delay":
      return `wait ${formatSeconds(action.seconds)}`;
    case "tag_contact":
      return `tag contact: ${action.tags.join(", ")}`;
    case "hide_comment":
      return "hide the comment";
    case "webhook":
      return `call webhook ${URL.canParse(action.url) ? new URL(action.url).host : action.url}`;
  }
}

const TRIGGER_SENTENCES: Record<Exclude<TTrigger["type"], "comment">, string> = {
  live_comment: "When someone comments on your live video",
  dm_keyword: "When someone sends a DM with a keyword",
  dm_any: "When someone sends any other DM",
  story_reply: "When someone replies to your story",
  story_mention: "When someone mentions you in their story",
  first_dm: "When someone messages you for the first time",
  postback: "When someone taps a button or ice breaker",
  referral: "When someone opens your ig.me link",
};

export function describeTrigger(trigger: TTrigger): string {
  if (trigger.type !== "comment") return TRIGGER_SENTENCES[trigger.type];
  const posts = trigger.posts;
  const where =
    posts.mode === "any"
      ? "any post"
      : posts.mode === "selected"
        ? plural(posts.mediaIds.length, "selected post", "selected posts")
        : "your next post";
  return `When someone comments on ${where}`;
}

export type TExplanationLine = { automationName: string; outcome: TEvaluationOutcome; label: string; reason: string };
export type TExplanation = { headline: string; lines: TExplanationLine[] };

const OUTCOME_LABEL: Record<TEvaluationOutcome, string> = { matched: "Answers", skipped: "Skipped", not_applicable: "Not listening" };

/**
 * Turns a decision into a headline and one line per automation. Automations that don't listen
 * to this kind of event are listed last: they are noise unless nothing listens at all.
 */
export function explainDecision(decision: TDecision, eventKind: TInboundEventKind): TExplanation {
  const order: Record<TEvaluationOutcome, number> = { matched: 0, skipped: 1, not_applicable: 2 };
  const lines = decision.evaluations
    .map((e, i) => ({ e, i }))
    .sort((a, b) => order[a.e.outcome] - order[b.e.outcome] || a.i - b.i)
    .map(({ e }) => ({ automationName: e.name, outcome: e.outcome, label: OUTCOME_LABEL[e.outcome], reason: e.reason }));
  const what = EVENT_KIND_LABELS[eventKind];
  let headline: string;
  if (decision.winner) {
    headline = `"${decision.winner.name}" answers ${what}: ${decision.winner.actions.map(describeAction).join(", then ")}`;
  } else if (decision.evaluations.every((e) => e.outcome === "not_applicable")) {
    headline = `No automation listens for ${what}`;
  } else {
    headline = `No automation answers ${what}`;
  }
  return { headline, lines };
}

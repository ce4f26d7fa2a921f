import { needsSubstringMatch, normalizeText, tokenizeNormalized } from "./normalize-text";
import type { TKeywordMode } from "./schema";

export type TKeywordRuleInput = { mode: TKeywordMode; values: readonly string[] };

export type TKeywordMatch =
  | { matched: true; code: "any" | "keyword"; keyword?: string; reason: string }
  | { matched: false; code: "no_keyword" | "no_text" | "excluded"; keyword?: string; reason: string };

export type TMatchOptions = {
  /** What the text is, for the reason sentence: "Comment", "Message", "Story reply"… */
  subject?: string;
};

type PreparedText = { normalized: string; tokens: string[] };
type PreparedKeyword = PreparedText & { original: string; substring: boolean; keepsMentions: boolean };

// @handles are someone's name, not what they said: "@price_hunter hi" must not match PRICE, and
// "@friend LINK" (a tag, or Instagram's auto-prefix on thread replies) should still start with LINK.
const MENTION = /(^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_.]+/gu;
const LEADING_NON_CONTENT = /^[^\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]+/u;

// Keyword lists are few and repeated for every event on an account, so preparing each once
// matters at hundreds of events per second. Bounded so a long-running worker can't grow it forever.
const keywordCache = new Map<string, PreparedKeyword>();
const KEYWORD_CACHE_LIMIT = 5_000;

function prepare(normalized: string): PreparedText {
  return { normalized, tokens: tokenizeNormalized(normalized) };
}

function prepareKeyword(original: string): PreparedKeyword {
  const cached = keywordCache.get(original);
  if (cached) return cached;
  const normalized = normalizeText(original);
  const keepsMentions = normalized.includes("@");
  const prepared: PreparedKeyword = {
    ...prepare(normalized),
    original,
    // Whole-word matching needs word boundaries that unspaced scripts don't have (see
    // needsSubstringMatch); a keyword made only of punctuation has no tokens to compare.
    substring: needsSubstringMatch(normalized),
    keepsMentions,
  };
  if (keywordCache.size >= KEYWORD_CACHE_LIMIT) keywordCache.clear();
  keywordCache.set(original, prepared);
  return prepared;
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function matchesWord(text: PreparedText, kw: PreparedKeyword): boolean {
  if (kw.substring || kw.tokens.length === 0) return kw.normalized.length > 0 && text.normalized.includes(kw.normalized);
  return containsSequence(text.tokens, kw.tokens);
}

function matchesMode(mode: Exclude<TKeywordMode, "any">, text: PreparedText, kw: PreparedKeyword): boolean {
  if (kw.normalized.length === 0) return false;
  switch (mode) {
    case "contains_word":
      return matchesWord(text, kw);
    case "contains":
      return text.normalized.includes(kw.normalized);
    case "exact":
      // Token equality ignores punctuation and spacing: "Price!" and " price " are exactly PRICE.
      if (kw.tokens.length === 0) return trimLead(text.normalized) === trimLead(kw.normalized);
      return text.tokens.length === kw.tokens.length && containsSequence(text.tokens, kw.tokens);
    case "starts_with":
      // Character-level, like ManyChat's "begins with": "Prices?" starts with PRICE.
      return trimLead(text.normalized).startsWith(trimLead(kw.normalized));
  }
}

function trimLead(s: string): string {
  return s.replace(LEADING_NON_CONTENT, "");
}

/** "PRICE, LINK", or "A, B, C, D, E and 3 more" so a reason stays one readable line. */
export function listKeywords(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

const MISS_VERB: Record<Exclude<TKeywordMode, "any">, string> = {
  contains_word: "doesn't contain any of",
  contains: "doesn't contain any of",
  exact: "isn't exactly any of",
  starts_with: "doesn't start with any of",
};

/** Normalised and tokenised once per event, then matched against every automation's keywords. */
export type TPreparedText = { readonly full: PreparedText; readonly content: PreparedText };

export function prepareText(text: string): TPreparedText {
  const fullNormalized = normalizeText(text);
  const withoutMentions = normalizeText(fullNormalized.replace(MENTION, "$1 "));
  const full = prepare(fullNormalized);
  return { full, content: withoutMentions === fullNormalized ? full : prepare(withoutMentions) };
}

/**
 * Matches text against a keyword rule and exclusion keywords, after normalising both sides.
 * Exclusions win over keywords and use whole-word semantics, so excluding "link" doesn't
 * swallow "linkedin". Reasons are sentences a user can read in the run log.
 */
export function matchKeywords(
  text: string | TPreparedText,
  rule: TKeywordRuleInput,
  exclude: readonly string[] = [],
  options: TMatchOptions = {},
): TKeywordMatch {
  const subject = options.subject ?? "Text";
  const { full, content } = typeof text === "string" ? prepareText(text) : text;
  const fullNormalized = full.normalized;
  const target = (kw: PreparedKeyword) => (kw.keepsMentions ? full : content);

  for (const value of exclude) {
    const kw = prepareKeyword(value);
    if (kw.normalized.length > 0 && matchesWord(target(kw), kw)) {
      return { matched: false, code: "excluded", keyword: value, reason: `Excluded keyword "${value}" found` };
    }
  }
  if (rule.mode === "any") return { matched: true, code: "any", reason: "Any text matches" };
  if (fullNormalized.length === 0) return { matched: false, code: "no_text", reason: `${subject} has no text to match keywords against` };

  for (const value of rule.values) {
    const kw = prepareKeyword(value);
    if (matchesMode(rule.mode, target(kw), kw)) {
      return { matched: true, code: "keyword", keyword: value, reason: `Matched keyword "${value}"` };
    }
  }
  return { matched: false, code: "no_keyword", reason: `${subject} ${MISS_VERB[rule.mode]}: ${listKeywords(rule.values)}` };
}

import { pickIndex, type TRng } from "./rng";

/**
 * Message templates: `{{username}}`, `{{first_name|there}}` (fallback after `|`), and spintax
 * `{Hi|Hello|Hey}` which may nest and may contain variables. `\{ \} \| \\` are literal.
 *
 * The template is parsed into a small tree and walked; nothing is ever evaluated as code, and
 * variable values are inserted as plain text after parsing, so a username can't inject spintax.
 * Spintax picks one option per group, so output size is linear in the template (no
 * combinatorial expansion); nesting depth and output length are capped regardless.
 */

export const TEMPLATE_VARIABLES = ["username", "first_name", "last_name", "name"] as const;
export type TTemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TTemplateVars = Partial<Record<TTemplateVariable, string | null | undefined>>;

/**
 * Largest rendered size of each variable in UTF-8 bytes. Rendering truncates values to these, so
 * `worstCaseBytes` is a true upper bound for the 1000-byte DM limit. Instagram usernames are at
 * most 30 ASCII characters; names come from the profile API and are unbounded, hence the cap.
 */
export const VARIABLE_MAX_BYTES: Record<TTemplateVariable, number> = {
  username: 30,
  first_name: 60,
  last_name: 60,
  name: 120,
};

export const MAX_SPINTAX_DEPTH = 8;
export const MAX_RENDERED_CHARS = 10_000;

export type TTemplateIssue = {
  code: "unknown_variable" | "malformed_variable" | "unbalanced_open" | "unbalanced_close" | "too_deep" | "empty_group";
  message: string;
  /** 0-based offset in the template. */
  index: number;
};

type Tok =
  | { k: "text"; v: string; at: number }
  | { k: "var"; name: string; fallback?: string; at: number; raw: string }
  | { k: "open" | "close" | "pipe"; at: number };
type Node = { t: "text"; v: string } | { t: "var"; name: string; fallback?: string } | { t: "spin"; options: Node[][] };

const VAR_RE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^{}]*))?\}\}/y;
const ESCAPABLE = "{}|\\";

function lex(tpl: string): Tok[] {
  const toks: Tok[] = [];
  let text = "";
  let textAt = 0;
  const flush = () => {
    if (text) toks.push({ k: "text", v: text, at: textAt });
    text = "";
  };
  for (let i = 0; i < tpl.length; ) {
    const c = tpl[i]!;
    const next = tpl[i + 1];
    if (c === "\\" && next !== undefined && ESCAPABLE.includes(next)) {
      if (!text) textAt = i;
      text += next;
      i += 2;
    } else if (c === "{") {
      // A variable takes precedence over spintax that happens to start with "{{".
      VAR_RE.lastIndex = i;
      const m = VAR_RE.exec(tpl);
      flush();
      if (m) {
        toks.push({ k: "var", name: m[1]!.toLowerCase(), fallback: m[2]?.trim(), at: i, raw: m[0] });
        i += m[0].length;
      } else {
        toks.push({ k: "open", at: i });
        i += 1;
      }
    } else if (c === "}" || c === "|") {
      flush();
      toks.push({ k: c === "}" ? "close" : "pipe", at: i });
      i += 1;
    } else {
      if (!text) textAt = i;
      text += c;
      i += 1;
    }
  }
  flush();
  return toks;
}

/** Pairs braces with a stack; unpaired or too-deep braces stay literal text (partner -1). */
function pairBraces(toks: Tok[], issues: TTemplateIssue[]): number[] {
  const partner = toks.map(() => -1);
  const stack: number[] = [];
  const literal = new Set<number>();
  toks.forEach((tok, i) => {
    if (tok.k === "open") {
      if (stack.length >= MAX_SPINTAX_DEPTH) {
        if (!issues.some((x) => x.code === "too_deep")) {
          issues.push({ code: "too_deep", index: tok.at, message: `Spintax is nested more than ${MAX_SPINTAX_DEPTH} levels deep` });
        }
        literal.add(i);
      }
      stack.push(i);
    } else if (tok.k === "close") {
      const open = stack.pop();
      if (open === undefined) {
        issues.push({ code: "unbalanced_close", index: tok.at, message: `"}" at position ${tok.at + 1} has no matching "{" (write \\} for a literal brace)` });
      } else if (!literal.has(open)) {
        partner[open] = i;
        partner[i] = open;
      }
    }
  });
  for (const open of stack) {
    const at = toks[open]!.at;
    if (!literal.has(open)) issues.push({ code: "unbalanced_open", index: at, message: `"{" at position ${at + 1} is never closed (write \\{ for a literal brace)` });
  }
  return partner;
}

function build(toks: Tok[], partner: number[], from: number, to: number, inGroup: boolean): Node[][] {
  const options: Node[][] = [[]];
  for (let i = from; i < to; i++) {
    const tok = toks[i]!;
    const current = options[options.length - 1]!;
    if (tok.k === "text") current.push({ t: "text", v: tok.v });
    else if (tok.k === "var") current.push({ t: "var", name: tok.name, ...(tok.fallback !== undefined ? { fallback: tok.fallback } : {}) });
    else if (tok.k === "pipe") {
      if (inGroup) options.push([]);
      else current.push({ t: "text", v: "|" }); // a bare "|" outside spintax is just a character
    } else if (tok.k === "open" && partner[i]! >= 0) {
      const close = partner[i]!;
      current.push({ t: "spin", options: build(toks, partner, i + 1, close, true) });
      i = close;
    } else current.push({ t: "text", v: tok.k === "open" ? "{" : "}" });
  }
  return options;
}

function parse(tpl: string): { nodes: Node[]; issues: TTemplateIssue[]; toks: Tok[]; partner: number[] } {
  const issues: TTemplateIssue[] = [];
  const toks = lex(tpl);
  const partner = pairBraces(toks, issues);
  return { nodes: build(toks, partner, 0, toks.length, false)[0]!, issues, toks, partner };
}

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
const VARIABLE_LIST = TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(", ");

/** Problems an editor should fix before saving; an empty array means the template is valid. */
export function validateTemplate(tpl: string): TTemplateIssue[] {
  const { issues, toks, partner } = parse(tpl);
  toks.forEach((tok, i) => {
    if (tok.k === "var" && !KNOWN.has(tok.name)) {
      issues.push({ code: "unknown_variable", index: tok.at, message: `Unknown variable ${tok.raw}; use one of: ${VARIABLE_LIST}` });
    }
    const close = partner[i]!;
    if (tok.k !== "open" || close < 0) return;
    if (close === i + 1) issues.push({ code: "empty_group", index: tok.at, message: `Empty "{}" at position ${tok.at + 1} (write \\{\\} for literal braces)` });
    // "{{first name}}" lexes as a group whose only content is another group: meaningless as
    // spintax, and almost certainly a mistyped variable.
    else if (toks[i + 1]?.k === "open" && partner[i + 1] === close - 1) {
      const raw = tpl.slice(tok.at, toks[close]!.at + 1);
      issues.push({ code: "malformed_variable", index: tok.at, message: `"${raw}" isn't a valid variable; write {{username}} or {{first_name|fallback}}` });
    }
  });
  return issues.sort((a, b) => a.index - b.index);
}

export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // a lone surrogate encodes as U+FFFD: 3
  }
  return n;
}

function truncateBytes(s: string, maxBytes: number): string {
  let out = "";
  let n = 0;
  for (const ch of s) {
    n += utf8Bytes(ch);
    if (n > maxBytes) break;
    out += ch;
  }
  return out;
}

function variableValue(name: string, fallback: string | undefined, vars: TTemplateVars): string {
  const raw = KNOWN.has(name) ? vars[name as TTemplateVariable] : undefined;
  // Profile names can carry newlines or control characters; they must not reshape the message.
  const clean = (raw ?? "").replace(/\p{Cc}+/gu, " ").replace(/\s+/gu, " ").trim();
  if (!clean) return fallback ?? "";
  return truncateBytes(clean, VARIABLE_MAX_BYTES[name as TTemplateVariable]);
}

/** Renders a template; never throws. Malformed braces render literally, unknown variables as their fallback or "". */
export function renderTemplate(tpl: string, vars: TTemplateVars, rng: TRng): string {
  let out = "";
  const walk = (seq: Node[]): void => {
    for (const node of seq) {
      if (out.length >= MAX_RENDERED_CHARS) return;
      if (node.t === "text") out += node.v;
      else if (node.t === "var") out += variableValue(node.name, node.fallback, vars);
      else walk(node.options[pickIndex(node.options.length, rng)]!);
    }
  };
  walk(parse(tpl).nodes);
  if (out.length <= MAX_RENDERED_CHARS) return out;
  // Cut on a code point boundary: never leave half of a surrogate pair (an emoji) at the end.
  const cut = out.slice(0, MAX_RENDERED_CHARS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

type Unit = "bytes" | "chars";
const size = (s: string, unit: Unit) => (unit === "bytes" ? utf8Bytes(s) : Array.from(s).length);

function rangeOf(seq: Node[], unit: Unit): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const node of seq) {
    if (node.t === "text") {
      const n = size(node.v, unit);
      min += n;
      max += n;
    } else if (node.t === "var") {
      const fb = node.fallback === undefined ? 0 : size(node.fallback, unit);
      // A present value is at least one character; an absent one renders the fallback.
      const known = KNOWN.has(node.name);
      min += known ? Math.min(fb, 1) : fb;
      max += known ? Math.max(fb, VARIABLE_MAX_BYTES[node.name as TTemplateVariable]) : fb;
    } else {
      const ranges = node.options.map((o) => rangeOf(o, unit));
      min += Math.min(...ranges.map((r) => r.min));
      max += Math.max(...ranges.map((r) => r.max));
    }
  }
  return { min, max };
}

/**
 * The smallest and largest possible rendered size over every spintax choice and variable value,
 * in UTF-8 bytes (Instagram's 1000-byte text limit) or in code points (640-char button text).
 */
export function templateSize(tpl: string, unit: Unit = "bytes"): { min: number; max: number } {
  return rangeOf(parse(tpl).nodes, unit);
}

export function worstCaseBytes(tpl: string): number {
  return templateSize(tpl, "bytes").max;
}

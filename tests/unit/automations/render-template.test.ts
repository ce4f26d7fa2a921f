import { describe, expect, it } from "vitest";
import {
  MAX_RENDERED_CHARS,
  renderTemplate,
  templateSize,
  utf8Bytes,
  validateTemplate,
  VARIABLE_MAX_BYTES,
  worstCaseBytes,
} from "@/lib/automations/render-template";
import { seededRng, type TRng } from "@/lib/automations/rng";

/** Replays fixed draws; each draw picks index floor(x * n). */
function draws(...xs: number[]): TRng {
  let i = 0;
  return () => xs[i++ % xs.length]!;
}
const first = draws(0);

describe("renderTemplate: variables", () => {
  it("fills known variables", () => {
    expect(renderTemplate("Hi @{{username}}!", { username: "anna.k" }, first)).toBe("Hi @anna.k!");
    expect(renderTemplate("Hi {{ first_name }}", { first_name: "Anna" }, first)).toBe("Hi Anna");
  });

  it("uses the fallback when a value is missing, empty or blank", () => {
    for (const first_name of [undefined, null, "", "   "]) {
      expect(renderTemplate("Hi {{first_name|there}}!", { first_name }, first)).toBe("Hi there!");
    }
    expect(renderTemplate("Hi {{first_name | my friend }}!", {}, first)).toBe("Hi my friend!");
  });

  it("renders unknown variables as their fallback or nothing", () => {
    expect(renderTemplate("Code: {{coupon}}.", {}, first)).toBe("Code: .");
    expect(renderTemplate("Code: {{coupon|none}}.", {}, first)).toBe("Code: none.");
  });

  it("inserts values as plain text: a name can't inject spintax or variables", () => {
    expect(renderTemplate("Hi {{first_name}}", { first_name: "{a|b} {{username}}" }, draws(0.99))).toBe("Hi {a|b} {{username}}");
  });

  it("flattens control characters in values and caps their length", () => {
    expect(renderTemplate("[{{first_name}}]", { first_name: "An\nna\u0007" }, first)).toBe("[An na]");
    const long = "x".repeat(500);
    expect(renderTemplate("{{first_name}}", { first_name: long }, first)).toBe("x".repeat(VARIABLE_MAX_BYTES.first_name));
    // cut on a character boundary, never inside a multi-byte character
    const emoji = "😀".repeat(40);
    const out = renderTemplate("{{first_name}}", { first_name: emoji }, first);
    expect(utf8Bytes(out)).toBeLessThanOrEqual(VARIABLE_MAX_BYTES.first_name);
    expect(out).toBe("😀".repeat(Math.floor(VARIABLE_MAX_BYTES.first_name / 4)));
  });
});

describe("renderTemplate: spintax", () => {
  it("picks one option per group using the injected rng", () => {
    expect(renderTemplate("{Hi|Hello|Hey} there", {}, draws(0))).toBe("Hi there");
    expect(renderTemplate("{Hi|Hello|Hey} there", {}, draws(0.5))).toBe("Hello there");
    expect(renderTemplate("{Hi|Hello|Hey} there", {}, draws(0.99))).toBe("Hey there");
  });

  it("nests, and can contain variables", () => {
    const tpl = "{Hi {{first_name|there}}|{Hey|Yo} @{{username}}}!";
    expect(renderTemplate(tpl, { username: "al" }, draws(0))).toBe("Hi there!");
    expect(renderTemplate(tpl, { username: "al" }, draws(0.9, 0))).toBe("Hey @al!");
    expect(renderTemplate(tpl, { username: "al" }, draws(0.9, 0.9))).toBe("Yo @al!");
  });

  it("allows empty options", () => {
    expect(renderTemplate("Thanks{!|}", {}, draws(0.9))).toBe("Thanks");
  });

  it("supports escapes for literal braces, pipes and backslashes", () => {
    expect(renderTemplate("\\{not|spin\\} a \\| b \\\\ c", {}, first)).toBe("{not|spin} a | b \\ c");
    expect(renderTemplate("{a\\|b|c}", {}, draws(0))).toBe("a|b");
  });

  it("keeps a bare pipe outside spintax and renders unbalanced braces literally", () => {
    expect(renderTemplate("A | B", {}, first)).toBe("A | B");
    expect(renderTemplate("oops { unclosed", {}, first)).toBe("oops { unclosed");
    expect(renderTemplate("smile :} ok", {}, first)).toBe("smile :} ok");
    expect(renderTemplate("{a|b", {}, first)).toBe("{a|b");
  });

  it("is deterministic for a seeded rng and covers every option over many seeds", () => {
    const tpl = "{A|B|C}{1|2}";
    expect(renderTemplate(tpl, {}, seededRng("event-1"))).toBe(renderTemplate(tpl, {}, seededRng("event-1")));
    const seen = new Set(Array.from({ length: 200 }, (_, i) => renderTemplate(tpl, {}, seededRng(`e${i}`))));
    expect(seen).toEqual(new Set(["A1", "A2", "B1", "B2", "C1", "C2"]));
  });

  it("survives hostile input: deep nesting and huge output stay bounded", () => {
    const deep = "{".repeat(5_000) + "x" + "}".repeat(5_000);
    expect(() => renderTemplate(deep, {}, first)).not.toThrow();
    expect(renderTemplate("{{username}}".repeat(2_000), { username: "a".repeat(30) }, first).length).toBe(MAX_RENDERED_CHARS);
    const emojis = renderTemplate("😀".repeat(MAX_RENDERED_CHARS), {}, first);
    expect(emojis.length).toBeLessThanOrEqual(MAX_RENDERED_CHARS);
    expect(emojis.endsWith("😀")).toBe(true); // no half surrogate pair at the end
  });
});

describe("validateTemplate", () => {
  it("accepts valid templates", () => {
    expect(validateTemplate("{Hi|Hey} {{first_name|there}}, here's \\{your\\} link")).toEqual([]);
  });

  it("reports unbalanced braces with positions", () => {
    expect(validateTemplate("Hi {there")).toEqual([
      expect.objectContaining({ code: "unbalanced_open", index: 3, message: '"{" at position 4 is never closed (write \\{ for a literal brace)' }),
    ]);
    expect(validateTemplate("Hi there}").map((i) => i.code)).toEqual(["unbalanced_close"]);
  });

  it("reports unknown variables and lists the known ones", () => {
    const [issue] = validateTemplate("Your code: {{coupon}}");
    expect(issue?.code).toBe("unknown_variable");
    expect(issue?.message).toContain("{{coupon}}");
    expect(issue?.message).toContain("{{first_name}}");
  });

  it("recognises a mistyped variable instead of treating it as spintax", () => {
    expect(validateTemplate("Hi {{first name}}").map((i) => i.code)).toEqual(["malformed_variable"]);
    // …but a group that starts with a nested group is real spintax
    expect(validateTemplate("{{Hi|Hey}|Yo} there")).toEqual([]);
  });

  it("reports empty groups and excessive nesting", () => {
    expect(validateTemplate("a {} b").map((i) => i.code)).toEqual(["empty_group"]);
    const nested = (depth: number) => "{a|".repeat(depth) + "x" + "}".repeat(depth);
    expect(validateTemplate(nested(9)).map((i) => i.code)).toEqual(["too_deep"]);
    expect(validateTemplate(nested(8))).toEqual([]);
  });
});

describe("template size", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("价")).toBe(3);
    expect(utf8Bytes("😀")).toBe(4);
  });

  it("takes the longest spintax option and the largest variable value", () => {
    expect(worstCaseBytes("{a|bbb}")).toBe(3);
    expect(worstCaseBytes("{{username}}")).toBe(VARIABLE_MAX_BYTES.username);
    expect(worstCaseBytes("{{first_name|" + "y".repeat(100) + "}}")).toBe(100);
    expect(worstCaseBytes("{x|{😀|ab}}")).toBe(4);
    expect(worstCaseBytes("\\{")).toBe(1);
  });

  it("bounds what render can actually produce", () => {
    const tpl = "{Hey|Hello there} {{first_name|friend}}, {{username}} {价格|€}";
    const { min, max } = templateSize(tpl);
    for (let i = 0; i < 50; i++) {
      const out = renderTemplate(tpl, { first_name: "😀".repeat(100), username: "u".repeat(100) }, seededRng(String(i)));
      expect(utf8Bytes(out)).toBeLessThanOrEqual(max);
      expect(utf8Bytes(out)).toBeGreaterThanOrEqual(min);
    }
    // "Hey" 3 + " " 1 + a one-letter first name 1 + ", " 2 + no username 0 + " " 1 + "€" 3
    expect(min).toBe(11);
  });

  it("computes the maximum from the longest parts", () => {
    // "Hello there" 11 + " " 1 + first_name 60 + ", " 2 + username 30 + " " 1 + "价格" 6
    expect(worstCaseBytes("{Hey|Hello there} {{first_name|friend}}, {{username}} {价格|€}")).toBe(111);
  });
});

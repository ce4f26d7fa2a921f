import { describe, expect, it } from "vitest";
import { matchKeywords, prepareText } from "@/lib/automations/match-keywords";

const word = (...values: string[]) => ({ mode: "contains_word" as const, values });

describe("matchKeywords: contains_word", () => {
  it("matches Latin with accents and case in either direction", () => {
    expect(matchKeywords("I love CAFE!", word("café")).matched).toBe(true);
    expect(matchKeywords("un Café por favor", word("cafe")).matched).toBe(true);
    expect(matchKeywords("café", word("CAFÉ")).keyword).toBe("CAFÉ");
  });

  it("matches whole words only", () => {
    expect(matchKeywords("prices please", word("price")).matched).toBe(false);
    expect(matchKeywords("the price, please", word("price")).matched).toBe(true);
    expect(matchKeywords("Send the PRICE LIST", word("price list")).matched).toBe(true);
    expect(matchKeywords("list price", word("price list")).matched).toBe(false);
  });

  it("matches full-width text against an ASCII keyword", () => {
    expect(matchKeywords("ＰＲＩＣＥ？", word("price")).matched).toBe(true);
  });

  it("matches Cyrillic in any case", () => {
    expect(matchKeywords("Какая ЦЕНА?", word("цена")).matched).toBe(true);
    expect(matchKeywords("какая цена", word("ЦЕНА")).matched).toBe(true);
  });

  it("matches Arabic with or without tashkeel", () => {
    expect(matchKeywords("كم السِّعْرُ؟", word("السعر")).matched).toBe(true);
    expect(matchKeywords("كم السعر؟", word("السِّعْر")).matched).toBe(true);
  });

  it("matches Devanagari keywords (which an ASCII \\w filter would erase)", () => {
    expect(matchKeywords("इसकी कीमत क्या है?", word("कीमत")).matched).toBe(true);
    expect(matchKeywords("इसकी कमत क्या है?", word("कीमत")).matched).toBe(false);
  });

  it("falls back to substring for CJK text without spaces", () => {
    expect(matchKeywords("请问这个价格是多少", word("价格")).matched).toBe(true);
    expect(matchKeywords("この商品の値段は？", word("値段")).matched).toBe(true);
    expect(matchKeywords("가격이 얼마예요?", word("가격")).matched).toBe(true);
    expect(matchKeywords("请问这个多少钱", word("价格")).matched).toBe(false);
  });

  it("matches emoji keywords with or without a variation selector, repeated or glued to words", () => {
    expect(matchKeywords("🔥🔥", word("🔥")).matched).toBe(true);
    expect(matchKeywords("🔥\uFE0F", word("🔥")).matched).toBe(true);
    expect(matchKeywords("love it❤", word("❤️")).matched).toBe(true);
    expect(matchKeywords("👍🏾", word("👍")).matched).toBe(true);
    expect(matchKeywords("nice 😀", word("🔥")).matched).toBe(false);
  });

  it("doesn't read one person of a family emoji as a separate emoji", () => {
    expect(matchKeywords("👨‍👩‍👧", word("👩")).matched).toBe(false);
    expect(matchKeywords("👨‍👩‍👧", word("👨‍👩‍👧")).matched).toBe(true);
  });

  it("ignores @mentions unless the keyword is a mention", () => {
    expect(matchKeywords("@price_hunter hi", { mode: "contains", values: ["price"] }).matched).toBe(false);
    expect(matchKeywords("@price hi", word("price")).matched).toBe(false);
    expect(matchKeywords("hey @Brand!", word("@brand")).matched).toBe(true);
    expect(matchKeywords("email me at a@b.co about price", word("price")).matched).toBe(true);
  });

  it("reports which keyword matched, in the user's spelling", () => {
    expect(matchKeywords("link please", word("PRICE", "LINK"))).toEqual({
      matched: true,
      code: "keyword",
      keyword: "LINK",
      reason: 'Matched keyword "LINK"',
    });
  });

  it("explains a miss in plain language", () => {
    expect(matchKeywords("hello", word("PRICE", "LINK"), [], { subject: "Comment" }).reason).toBe("Comment doesn't contain any of: PRICE, LINK");
    expect(matchKeywords("hello", word("a", "b", "c", "d", "e", "f", "g")).reason).toBe("Text doesn't contain any of: a, b, c, d, e and 2 more");
  });
});

describe("matchKeywords: other modes", () => {
  it("contains matches substrings of the normalised text", () => {
    expect(matchKeywords("PRICES?", { mode: "contains", values: ["price"] }).matched).toBe(true);
    expect(matchKeywords("ＣＡＦÉＳ", { mode: "contains", values: ["cafe"] }).matched).toBe(true);
    expect(matchKeywords("nope", { mode: "contains", values: ["price"] }).matched).toBe(false);
  });

  it("exact needs the whole comment, ignoring case, accents, punctuation and mentions", () => {
    const exact = { mode: "exact" as const, values: ["price"] };
    expect(matchKeywords("PRICE!", exact).matched).toBe(true);
    expect(matchKeywords("  Príce  ", exact).matched).toBe(true);
    expect(matchKeywords("@friend price", exact).matched).toBe(true);
    expect(matchKeywords("price please", exact).matched).toBe(false);
    expect(matchKeywords("price please", exact).reason).toBe("Text isn't exactly any of: price");
    expect(matchKeywords("🔥🔥", { mode: "exact", values: ["🔥"] }).matched).toBe(false);
    expect(matchKeywords("🔥️", { mode: "exact", values: ["🔥"] }).matched).toBe(true);
    expect(matchKeywords("价格", { mode: "exact", values: ["价格"] }).matched).toBe(true);
    expect(matchKeywords("价格表", { mode: "exact", values: ["价格"] }).matched).toBe(false);
  });

  it("starts_with compares the beginning of the text, after leading punctuation and mentions", () => {
    const sw = { mode: "starts_with" as const, values: ["link"] };
    expect(matchKeywords("LINK please", sw).matched).toBe(true);
    expect(matchKeywords("¡Link!", sw).matched).toBe(true);
    expect(matchKeywords("@brand link", sw).matched).toBe(true);
    expect(matchKeywords("send the link", sw).matched).toBe(false);
    expect(matchKeywords("send the link", sw).reason).toBe("Text doesn't start with any of: link");
  });

  it("any matches everything, even no text", () => {
    expect(matchKeywords("", { mode: "any", values: [] })).toMatchObject({ matched: true, code: "any" });
  });

  it("says so when there is no text to match", () => {
    expect(matchKeywords("", word("price"), [], { subject: "Message" })).toMatchObject({
      matched: false,
      code: "no_text",
      reason: "Message has no text to match keywords against",
    });
  });
});

describe("matchKeywords: exclusions", () => {
  it("exclusions win over keywords", () => {
    const r = matchKeywords("PRICE spam spam", word("price"), ["Spam"]);
    expect(r).toMatchObject({ matched: false, code: "excluded", keyword: "Spam", reason: 'Excluded keyword "Spam" found' });
  });

  it("exclusions also apply in any mode", () => {
    expect(matchKeywords("this is SPAM", { mode: "any", values: [] }, ["spam"]).matched).toBe(false);
  });

  it("exclusions are whole words, so excluding link keeps linkedin", () => {
    expect(matchKeywords("price on linkedin", word("price"), ["link"]).matched).toBe(true);
  });

  it("exclusions fold like keywords: accents, width, script", () => {
    expect(matchKeywords("price ｆｒｅｅ", word("price"), ["free"]).matched).toBe(false);
    expect(matchKeywords("цена БЕСПЛАТНО", word("цена"), ["бесплатно"]).matched).toBe(false);
    expect(matchKeywords("价格免费吗", word("价格"), ["免费"]).matched).toBe(false);
  });
});

describe("prepareText", () => {
  it("gives the same answers as raw text, so one event is normalised once for all automations", () => {
    const prepared = prepareText("@shop ＰＲＩＣＥ for the café? 🔥️");
    for (const rule of [word("price"), word("cafe"), { mode: "starts_with" as const, values: ["price"] }, { mode: "contains" as const, values: ["shop"] }]) {
      expect(matchKeywords(prepared, rule, ["spam"])).toEqual(matchKeywords("@shop ＰＲＩＣＥ for the café? 🔥️", rule, ["spam"]));
    }
    expect(matchKeywords(prepared, { mode: "contains", values: ["shop"] }).matched).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { needsSubstringMatch, normalizeText, tokenize } from "@/lib/automations/normalize-text";

describe("normalizeText", () => {
  it.each([
    ["Café", "cafe"],
    ["CAFÉ", "cafe"],
    ["cafe\u0301", "cafe"], // decomposed accent typed on some keyboards
    ["ＰＲＩＣＥ", "price"],
    ["ｃａｆé", "cafe"],
    ["ЦЕНА", "цена"],
    ["Ёлка", "елка"],
    ["Straße", "strasse"],
    ["STRAẞE", "strasse"],
    ["ΤΙΜΉ", "τιμη"],
    ["ΣΟΦΟΣ", "σοφοσ"], // final sigma folds like ordinary sigma
    ["Łódź", "lodz"],
    ["Ærø", "aero"],
    ["ﬁnal", "final"],
  ])("folds %s to %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("keeps Cyrillic й, a letter of its own rather than an accented и", () => {
    expect(normalizeText("МОЙ")).toBe("мой");
    expect(normalizeText("мой")).not.toBe(normalizeText("мои"));
  });

  it("treats every Turkish i the same, so FİYAT, FIYAT and fıyat all read fiyat", () => {
    expect(normalizeText("FİYAT")).toBe("fiyat");
    expect(normalizeText("FIYAT")).toBe("fiyat");
    expect(normalizeText("fıyat")).toBe("fiyat");
  });

  it("strips Arabic tashkeel, tatweel and alef hamza seats", () => {
    expect(normalizeText("السِّعْرُ")).toBe("السعر");
    expect(normalizeText("الســعر")).toBe("السعر");
    expect(normalizeText("أحمد")).toBe(normalizeText("احمد"));
    expect(normalizeText("إسلام")).toBe(normalizeText("اسلام"));
  });

  it("folds Persian yeh and keheh onto the Arabic letters and drops ZWNJ", () => {
    expect(normalizeText("کی")).toBe(normalizeText("كي"));
    expect(normalizeText("می\u200Cخواهم")).toBe(normalizeText("میخواهم"));
  });

  it("strips Hebrew niqqud", () => {
    expect(normalizeText("שָׁלוֹם")).toBe("שלום");
  });

  it("keeps Devanagari vowel signs, which are letters in effect", () => {
    expect(normalizeText("कीमत")).toBe("कीमत");
    expect(normalizeText("कीमत")).not.toBe(normalizeText("कमत"));
    // …but drops the nukta that everyday typing often omits
    expect(normalizeText("क़ीमत")).toBe("कीमत");
  });

  it("keeps Japanese voicing marks and recomposes kana", () => {
    expect(normalizeText("が")).toBe("が");
    expect(normalizeText("が")).not.toBe("か");
    expect(normalizeText("ﾈﾀﾞﾝ")).toBe("ネダン"); // half-width katakana with a separate dakuten
    expect(normalizeText("値段")).toBe("値段");
  });

  it("keeps Hangul syllables composed", () => {
    expect(normalizeText("가격")).toBe("가격");
    expect(normalizeText("가격").length).toBe(2);
  });

  it("drops emoji presentation selectors and skin tones but keeps ZWJ sequences whole", () => {
    expect(normalizeText("🔥\uFE0F")).toBe("🔥");
    expect(normalizeText("❤️")).toBe("❤");
    expect(normalizeText("👍🏽")).toBe("👍");
    expect(normalizeText("👨‍👩‍👧")).toBe("👨\u200D👩\u200D👧");
    expect(normalizeText("a\u200Db")).toBe("ab");
  });

  it("removes invisible characters and collapses every kind of whitespace", () => {
    expect(normalizeText("  pri\u200Bce \u00A0\u3000 list\n\t ")).toBe("price list");
    expect(normalizeText("\uFEFFhi")).toBe("hi");
  });

  it("is idempotent", () => {
    for (const s of ["Café ＰＲＩＣＥ", "السِّعْرُ", "क़ीमत", "ﾈﾀﾞﾝ", "👩🏽‍💻 STRAẞE", "FİYAT", "ΣΟΦΟΣ"]) {
      const once = normalizeText(s);
      expect(normalizeText(once)).toBe(once);
    }
  });
});

describe("tokenize", () => {
  it("splits on Unicode word boundaries and drops punctuation", () => {
    expect(tokenize("What's the PRICE?!")).toEqual(["what's", "the", "price"]);
    expect(tokenize("ЦЕНА, пожалуйста")).toEqual(["цена", "пожалуйста"]);
  });

  it("makes each emoji a token, including repeated ones and ZWJ sequences", () => {
    expect(tokenize("🔥🔥 love it❤️")).toEqual(["🔥", "🔥", "love", "it", "❤"]);
    expect(tokenize("👨‍👩‍👧!")).toEqual(["👨\u200D👩\u200D👧"]);
  });

  it("segments CJK text without spaces", () => {
    expect(tokenize("这个价格多少")).toContain("价格");
    expect(tokenize("値段はいくらですか")).toContain("値段");
  });

  it("flags unspaced scripts for substring matching", () => {
    expect(needsSubstringMatch("价格")).toBe(true);
    expect(needsSubstringMatch("ねだん")).toBe(true);
    expect(needsSubstringMatch("가격")).toBe(true);
    expect(needsSubstringMatch("ราคา")).toBe(true);
    expect(needsSubstringMatch("price")).toBe(false);
    expect(needsSubstringMatch("कीमत")).toBe(false);
  });
});

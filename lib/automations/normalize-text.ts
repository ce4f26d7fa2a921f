/**
 * Text normalisation for keyword matching. Both the keyword a user typed and the comment or
 * message it is matched against go through `normalizeText`, so any folding here is symmetric:
 * "CAFÉ", "café", "Café" and "ｃａｆｅ" all become "cafe".
 *
 * Competitors break on non-Latin text because they filter with ASCII `\w` (see
 * reference/competitors.md §1c); everything here is Unicode-aware and script-aware.
 */

// Invisible characters that never carry meaning for matching: soft hyphen, zero-width space,
// word joiner, BOM, and ZWNJ (which Persian and Indic scripts use only to control glyph joining;
// people type the same word with and without it).
const INVISIBLE = /[\u00AD\u200B\u200C\u2060\uFEFF]/gu;
// Emoji/text presentation selectors (FE0E/FE0F), the other standardized variation selectors, and
// the ideographic variation selectors (glyph variants of the same kanji).
const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
// Skin-tone modifiers: a "👍" keyword should catch "👍🏽". Folding them keeps the base emoji.
const SKIN_TONES = /[\u{1F3FB}-\u{1F3FF}]/gu;
// A ZWJ glues emoji into one picture (👨‍👩‍👧 is "family", not three people), so it stays between
// pictographs; elsewhere (Indic half-forms, stray copies) it is presentation only and goes.
const STRAY_ZWJ = /(?<!\p{Extended_Pictographic})\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

// Scripts whose combining marks are optional diacritics that people routinely omit when typing:
// Latin accents, Greek tonos, Cyrillic ё, Arabic tashkeel (harakat) and hamza seats, Hebrew
// niqqud. In Devanagari, Bengali, Thai, Japanese kana etc. the marks are vowels or voicing
// (कीमत without its matras is a different string; が is not か), so they are kept.
const DIACRITIC_SCRIPTS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}]/u;
const MARK = /\p{M}/u;
// Cyrillic breve makes й and ў, letters in their own right (мой ≠ мои), so it survives.
const CYRILLIC = /\p{Script=Cyrillic}/u;
const COMBINING_BREVE = "\u0306";
// Devanagari nukta (क़ → क): commonly omitted in everyday Hindi typing, unlike the matras.
const DEVANAGARI_NUKTA = "\u093C";

// Letters that do not decompose under NFD but are folded by the same intuition, plus the
// Arabic/Persian folds used by Lucene's Arabic and Persian normalisers (a well-tested reference
// for search): teh marbuta→heh, alef maksura/Farsi yeh→yeh, keheh→kaf, tatweel removed.
const LETTER_FOLDS: Record<string, string> = {
  ß: "ss",
  ς: "σ",
  ı: "i", // Turkish dotless i: "FIYAT", "FİYAT" and "fıyat" all match "fiyat"
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  æ: "ae",
  œ: "oe",
  "\u0629": "\u0647",
  "\u0649": "\u064A",
  "\u06CC": "\u064A",
  "\u06A9": "\u0643",
  "\u0640": "",
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "gu");

function stripDiacritics(lowered: string): string {
  let out = "";
  let baseStrips = false;
  let baseIsCyrillic = false;
  for (const ch of lowered.normalize("NFD")) {
    if (MARK.test(ch)) {
      if (ch === DEVANAGARI_NUKTA) continue;
      if (baseStrips && !(baseIsCyrillic && ch === COMBINING_BREVE)) continue;
      out += ch;
      continue;
    }
    baseStrips = DIACRITIC_SCRIPTS.test(ch);
    baseIsCyrillic = baseStrips && CYRILLIC.test(ch);
    out += ch;
  }
  // Recompose what was kept (Hangul syllables, kana with dakuten, й) so substrings line up.
  return out.normalize("NFC");
}

/**
 * Folds width, compatibility forms, case, diacritics (script-aware) and emoji presentation,
 * and collapses whitespace. Idempotent: normalizeText(normalizeText(s)) === normalizeText(s).
 */
export function normalizeText(input: string): string {
  const folded = input
    .normalize("NFKC") // full-width ＰＲＩＣＥ → PRICE, half-width ｶﾀｶﾅ → カタカナ, ﬁ → fi
    .replace(INVISIBLE, "")
    .replace(VARIATION_SELECTORS, "")
    .replace(SKIN_TONES, "")
    .replace(STRAY_ZWJ, "")
    // toLowerCase is the locale-independent (root) mapping, so a server's locale can't change
    // results; Turkish İ becomes i + U+0307 and the dot is then stripped as a Latin diacritic.
    .toLowerCase();
  return stripDiacritics(folded)
    .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .replace(/\s+/gu, " ")
    .trim();
}

const segmenter = new Intl.Segmenter("und", { granularity: "word" });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * Splits already-normalised text into word and emoji tokens on Unicode word boundaries
 * (UAX #29 via ICU; dictionary-based for Chinese, Japanese, Thai…). Punctuation and spaces are
 * dropped; each emoji (including ZWJ sequences and flags) is its own token.
 */
export function tokenizeNormalized(normalized: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normalized)) {
    if (isWordLike || EMOJI.test(segment)) tokens.push(segment);
  }
  return tokens;
}

/** Normalises, then tokenises: the tokens `contains_word` and `exact` matching compare. */
export function tokenize(input: string): string[] {
  return tokenizeNormalized(normalizeText(input));
}

// Scripts written without spaces between words. Korean uses spaces, but particles attach to the
// noun (가격이 = "price" + subject marker), so a whole-token match would miss it just the same.
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * True when whole-word matching is unreliable for this text, so callers should fall back to
 * substring containment. Dictionary segmentation of unspaced scripts depends on context and
 * on the ICU version: 价格表 may be one token alone but split differently inside a sentence, so
 * a keyword's tokens need not line up with the same characters' tokens in a comment.
 */
export function needsSubstringMatch(normalized: string): boolean {
  return UNSPACED_SCRIPT.test(normalized);
}

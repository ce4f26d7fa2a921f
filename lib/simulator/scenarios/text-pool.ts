import { z } from "zod";
import type { Rng } from "../rng";

/**
 * Comment and DM texts in several scripts, with emoji, ZWJ sequences and variation selectors,
 * so traffic exercises the receiver's escaped-unicode handling and the matcher's normalisation.
 */
export const TEXT_SCRIPTS = ["latin", "cyrillic", "arabic", "cjk", "devanagari", "emoji"] as const;
export type TextScript = (typeof TEXT_SCRIPTS)[number];

const PHRASES: Record<TextScript, readonly string[]> = {
  latin: [
    "Love this reel!", "Where can I buy it?", "¿Cuánto cuesta?", "Trop beau, j'adore", "Quero muito participar",
    "Need this in my life", "Does it ship to São Paulo?", "Größe M bitte", "amazing work as always", "tagging my bestie @ana.lu",
  ],
  cyrillic: ["Очень красиво!", "Сколько стоит?", "Хочу участвовать", "Супер, спасибо!", "Где купить?"],
  arabic: ["رائع جداً", "كم السعر؟", "أريد المشاركة", "شكراً لكم", "متى يبدأ السحب؟"],
  cjk: ["これ欲しい！", "いくらですか？", "参加します🙏", "太好看了", "怎么买？", "너무 예뻐요", "참여할게요!"],
  devanagari: ["बहुत सुंदर है", "कीमत क्या है?", "मैं भाग लेना चाहता हूँ", "धन्यवाद!"],
  emoji: ["😍😍😍", "🔥🔥", "❤️", "👏🏽👏🏽", "🎉🥳", "👨‍👩‍👧", "✨💖✨", "🙌🏿"],
};

export const ZScripts = z
  .union([z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)), z.array(z.string())])
  .pipe(z.array(z.enum(TEXT_SCRIPTS)).min(1))
  .default([...TEXT_SCRIPTS]);

export function phrase(rng: Rng, scripts: readonly TextScript[]): string {
  return rng.pick(PHRASES[rng.pick(scripts)]);
}

/** The keyword in one of the spellings people use; all match after case folding. */
export function withKeyword(rng: Rng, text: string, keyword: string): string {
  const lower = keyword.toLowerCase();
  const variant = rng.pick([keyword, lower, lower.charAt(0).toUpperCase() + lower.slice(1), `#${lower}`, `${keyword} 🎉`, `${keyword}!!!`]);
  return rng.chance(0.5) ? `${variant} ${text}` : `${text} ${variant}`;
}

const FIRST = ["maria", "joao", "ana", "li", "yuki", "omar", "sofia", "ivan", "priya", "lucas", "emma", "noah", "fatima", "kenji", "olga"];
const LAST = ["silva", "garcia", "chen", "tanaka", "haddad", "rossi", "ivanova", "sharma", "kim", "martin"];

export function username(rng: Rng): string {
  return `${rng.pick(FIRST)}.${rng.pick(LAST)}${rng.int(10_000)}`;
}

/** Exactly floor(count × ratio) of the indexes 0…count-1 are "hits", spread evenly. */
export function isHit(index: number, ratio: number): boolean {
  return Math.floor((index + 1) * ratio + 1e-9) > Math.floor(index * ratio + 1e-9);
}

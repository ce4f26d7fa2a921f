import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A random, unguessable short code for /r/<code> (10 chars of a 56-letter alphabet ≈ 58 bits). */
export function newLinkCode(length = 10): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of 56).
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const b = bytes[i]!;
    if (b < 224) out += ALPHABET[b % ALPHABET.length];
  }
  return out.length === length ? out : newLinkCode(length);
}

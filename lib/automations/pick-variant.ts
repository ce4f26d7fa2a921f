import { pickIndex, type TRng } from "./rng";

/**
 * Picks a public-reply variant at random, never the one used last on the same post when there
 * is a choice: identical consecutive replies under one post look robotic to followers and to
 * Instagram's spam heuristics. Uniform over the remaining variants.
 */
export function pickVariant<T>(
  variants: readonly T[],
  lastUsedIndexOnThisPost: number | null | undefined,
  rng: TRng,
): { index: number; value: T } {
  if (variants.length === 0) throw new RangeError("pickVariant needs at least one variant");
  const last = lastUsedIndexOnThisPost;
  const excludable = variants.length > 1 && last != null && Number.isInteger(last) && last >= 0 && last < variants.length;
  if (!excludable) {
    const index = pickIndex(variants.length, rng);
    return { index, value: variants[index]! };
  }
  // Draw from n-1 slots and skip over the last-used one.
  const slot = pickIndex(variants.length - 1, rng);
  const index = slot >= last ? slot + 1 : slot;
  return { index, value: variants[index]! };
}

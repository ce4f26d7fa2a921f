/** A source of uniform numbers in [0, 1); `Math.random` fits. Injected so choices are testable. */
export type TRng = () => number;

/**
 * Deterministic generator seeded from a string (FNV-1a hash into mulberry32). Seeding with the
 * inbound event's dedupe key makes a retried job render the same spintax and pick the same
 * variant, so a retry after an ambiguous send can't produce a second, different reply text.
 */
export function seededRng(seed: string): TRng {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An index in [0, n) from an rng, clamped so a misbehaving rng (returning 1 or NaN) stays in range. */
export function pickIndex(n: number, rng: TRng): number {
  const r = rng();
  const i = Number.isFinite(r) ? Math.floor(r * n) : 0;
  return Math.min(n - 1, Math.max(0, i));
}

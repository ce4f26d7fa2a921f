/**
 * The simulator's notion of "now": wall time plus an offset that only moves forward. Tests
 * advance it to cross the 24-hour window, the 7-day private-reply limit or a token's 24-hour
 * refresh age without waiting. Never moving backwards keeps the rate-limit rings ordered.
 */
export class Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("the simulated clock only moves forward");
    this.offset += ms;
  }

  /** Used only by a full reset, which also clears every window that depends on time order. */
  reset(): void {
    this.offset = 0;
  }
}

/** Graph's timestamp format for node fields: `2026-01-01T12:00:00+0000`. */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

/** Arguments that would make the scripts misbehave (a 0 limit never frees) fail loudly here. */
export function assertLimit(limit: number, windowMs: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(windowMs) || windowMs < 1) throw new RangeError(`rate window must be a positive integer of ms, got ${windowMs}`);
}

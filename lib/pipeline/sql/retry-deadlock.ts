/** InnoDB's "deadlock found" and "lock wait timeout": the statement did nothing and may simply run again. */
const RETRYABLE = new Set([1213, 1205]);

/**
 * Runs an idempotent statement (or pair) again when InnoDB picked it as a deadlock victim —
 * batched multi-row writes can cross each other's row locks — instead of failing every job in
 * the batch. Bounded: the third failure propagates.
 */
export async function retryDeadlock<T>(fn: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const errno = (err as { errno?: number }).errno;
      if (i >= tries || errno === undefined || !RETRYABLE.has(errno)) throw err;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
    }
  }
}

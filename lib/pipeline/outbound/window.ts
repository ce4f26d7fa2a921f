/** Instagram's standard messaging window: a DM may follow the person's last message by 24 hours (reference §2.4). */
export const WINDOW_MS = 24 * 3_600_000;

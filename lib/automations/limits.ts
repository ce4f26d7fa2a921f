/** Instagram platform limits the engine enforces (reference/instagram-platform.md §2). */

/** Send API text: UTF-8 bytes, not characters. */
export const MAX_TEXT_BYTES = 1_000;
/** Button-template text (Messenger reference limit, applied to Instagram). */
export const MAX_BUTTON_TEXT_CHARS = 640;
/**
 * Automated DMs must go out within 24 hours of the person's last message; the longest single or
 * cumulative delay before a DM leaves an hour of that window for the send itself.
 */
export const MAX_DELAY_SECONDS = 23 * 60 * 60;
/** A comment can get its one private reply only within 7 days. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

import { z } from "zod";

/**
 * Why ingest recognised a webhook item and still produced no event. Each reason is counted per
 * delivery so operators can see, for example, that every own reply came back as an echo.
 * Unknown objects and fields are not drops: they are reported separately as `unknown`.
 */
export const ZDropReason = z.enum([
  /** message.is_echo: a message the business sent (our own Send API call, the IG app, another tool). Loop guard. */
  "echo",
  /** message.is_self: the account messaged itself (self messaging); never a customer. */
  "self_message",
  /** A messaging item whose sender.id is the account itself (entry.id), even without is_echo. Loop guard. */
  "sent_by_account",
  /** A comment whose from.id is the account (entry.id) or that carries from.self_ig_scoped_id: our own public reply coming back. Loop guard. */
  "own_comment",
  /** Entry id "0": the App Dashboard "Test" button. Parsed only with `keepTestEntries`. */
  "dashboard_test",
  /** The item lacks something an event needs (mid, sender, comment id, a usable timestamp) or has the wrong type. Retrying cannot fix it. */
  "malformed_item",
  /** The entry carried no changes[], messaging[], standby[] or field/value at all. */
  "empty_entry",
  /** A normalised event broke a bound of ZInboundEvent (an id longer than 64 chars, too many attachments…). */
  "invalid_event",
  /** The same (account, dedupe key) appeared twice in one delivery; the first is kept. */
  "duplicate_in_batch",
]);
export type DropReason = z.infer<typeof ZDropReason>;

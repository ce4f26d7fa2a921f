import { z } from "zod";

/** Path param of /api/v1/accounts/{accountId}; anything that cannot be an id is a 404. */
export const ZAccountId = z.object({ accountId: z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/) });

/**
 * The query Instagram sends back to /api/instagram/callback: `code` (or `error` when the person
 * declined) and our `state`. Bounded so a hostile URL cannot make us store or forward megabytes.
 */
export const ZCallbackQuery = z.object({
  code: z.string().min(1).max(2_048).optional(),
  state: z.string().min(1).max(1_024).optional(),
  error: z.string().max(200).optional(),
  error_reason: z.string().max(200).optional(),
});
export type TCallbackQuery = z.infer<typeof ZCallbackQuery>;

/** Meta's deauthorize and data-deletion callbacks: a form with one `signed_request` field. */
export const ZSignedRequestForm = z.object({ signed_request: z.string().min(1).max(8_192) });

/**
 * The delivery itself is not a Meta webhook envelope (not JSON, no `object`, `entry` not a list,
 * an entry without an id). The receiver answers 400 and enqueues nothing.
 */
export class WebhookShapeError extends Error {
  override name = "WebhookShapeError";
  readonly code = "webhook_malformed" as const;
  readonly httpStatus = 400 as const;
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** JSON.parse for a webhook body; bad JSON becomes a WebhookShapeError so the route answers 400. */
export function parseWebhookJson(raw: Buffer | string): unknown {
  try {
    return JSON.parse(typeof raw === "string" ? raw : raw.toString("utf8"));
  } catch {
    throw new WebhookShapeError("Webhook body is not valid JSON");
  }
}

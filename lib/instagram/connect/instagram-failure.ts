import { ApiError } from "@/lib/api/errors";
import type { Logger } from "@/lib/logger";
import { GraphError } from "../graph-errors";

/**
 * A Graph failure during a person-facing step, as an ApiError they can act on. Only the
 * operation and Meta's codes are logged: the error's cause chain can hold request details,
 * and a request here may carry a code or token.
 */
export function instagramFailure(err: unknown, log: Logger, step: string): unknown {
  if (!(err instanceof GraphError)) return err;
  const c = err.classification;
  log.warn({ step, operation: err.operation, class: c.class, code: c.code, subcode: c.subcode }, "instagram call failed");
  return new ApiError("instagram_error", `Instagram could not ${step}: ${c.reason}. Try connecting again.`);
}

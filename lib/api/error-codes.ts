/**
 * The closed set of error codes /api/v1 returns, each with its one HTTP status. Clients branch
 * on `code`, never on `title` or `detail`; a code, once published, keeps its meaning.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, title: "Bad request" },
  workspace_required: { status: 400, title: "Name the workspace with the x-workspace header" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Your role does not allow this" },
  instagram_permissions_missing: { status: 403, title: "Instagram did not grant every permission Replyflow needs" },
  insufficient_scope: { status: 403, title: "This API key lacks the scope for this" },
  csrf_failed: { status: 403, title: "Cross-site request refused" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflicts with the current state" },
  version_conflict: { status: 409, title: "Someone saved a newer version meanwhile" },
  last_owner: { status: 409, title: "A workspace must keep at least one owner" },
  plan_limit_reached: { status: 409, title: "The workspace's plan does not allow more" },
  account_in_other_workspace: { status: 409, title: "This Instagram account is connected to another workspace" },
  gone: { status: 410, title: "No longer valid" },
  payload_too_large: { status: 413, title: "Request body too large" },
  unsupported_media_type: { status: 415, title: "Send application/json" },
  validation_failed: { status: 422, title: "The request is not valid" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Something went wrong on our side" },
  instagram_error: { status: 502, title: "Instagram refused or could not complete the request" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** RFC 9457 `type`: a stable URI per code. */
export function problemType(code: ErrorCode): string {
  return `urn:replyflow:problem:${code}`;
}

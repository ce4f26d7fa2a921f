import { ZodError } from "zod";
import { isTransactionConflict } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { ERROR_CODES, PROBLEM_CONTENT_TYPE, problemType, type ErrorCode } from "./error-codes";

export type FieldIssue = { path: string; message: string; code: string };

/**
 * A domain error with a stable code. Services throw these; the wrappers turn them into
 * problem+json (API) or form errors (server actions). `detail` is shown to the caller, so it
 * never carries internals.
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const notFound = (what = "Not found") => new ApiError("not_found", what);

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: FieldIssue[];
  requestId?: string;
};

export function zodIssues(err: ZodError): FieldIssue[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code }));
}

/**
 * The single mapping from anything thrown to what a client sees. Unknown errors become a bare
 * 500 with the request id: the stack, SQL and message go to the log, never to the response.
 */
export function toProblem(err: unknown, requestId: string, log?: Logger): { problem: Problem; headers: Record<string, string> } {
  let apiErr: ApiError;
  if (err instanceof ApiError) apiErr = err;
  else if (err instanceof ZodError) apiErr = new ApiError("validation_failed", "Some fields are not valid.", { errors: zodIssues(err) });
  else if (isTransactionConflict(err)) apiErr = new ApiError("conflict", "A concurrent change got there first. Try again.");
  else {
    log?.error({ err }, "unhandled error");
    apiErr = new ApiError("internal_error", `Quote request id ${requestId} when you contact support.`);
  }
  const { status, title } = ERROR_CODES[apiErr.code];
  const problem: Problem = { type: problemType(apiErr.code), title, status, code: apiErr.code, requestId };
  if (apiErr.detail) problem.detail = apiErr.detail;
  if (apiErr.extra.errors) problem.errors = apiErr.extra.errors;
  return { problem, headers: apiErr.extra.headers ?? {} };
}

export function problemResponse(err: unknown, requestId: string, log?: Logger): Response {
  const { problem, headers } = toProblem(err, requestId, log);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "x-request-id": requestId, ...headers },
  });
}

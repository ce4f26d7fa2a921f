import type { ErrorCode } from "@/lib/api/error-codes";

/** What a dashboard form action returns to its form (pure: shared by server and client code). */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T }
  | { status: "error"; code: ErrorCode; message: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/**
 * What the user typed, echoed back with an error so the form does not come back empty (React
 * resets forms after an action) — never passwords or tokens.
 */
export function echoValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || /password|token/i.test(name) || name.startsWith("$ACTION")) continue;
    out[name] = value;
  }
  return out;
}

export const IDLE: ActionState<never> = { status: "idle" };

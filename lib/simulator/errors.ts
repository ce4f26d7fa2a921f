import { ERRORS, type ErrorKey, type ErrorSpec } from "./error-table";

export { ERRORS, type ErrorKey, type ErrorSpec } from "./error-table";

export type Locale = "en" | "ja";
export type OAuthErrorStyle = "instagram" | "graph";

/** A Graph API failure. Thrown anywhere in a handler; the server renders Meta's envelope. */
export class GraphError extends Error {
  override name = "GraphError";
  constructor(
    readonly key: ErrorKey,
    readonly vars: Record<string, string | number> = {},
    readonly opts: { status?: number; headers?: Record<string, string>; oauthHost?: boolean; extra?: Record<string, unknown> } = {},
  ) {
    super(fill(ERRORS[key].message.en, vars));
  }

  get spec(): ErrorSpec {
    return ERRORS[this.key];
  }
}

/** Shorthand for the most common failure: a `(#100)` invalid-parameter error. */
export function invalidParam(detail: string): GraphError {
  return new GraphError("invalidParameter", { detail });
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export type RenderedError = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

/**
 * Renders Meta's envelope `{"error":{message,type,code,error_subcode,error_user_title,
 * error_user_msg,fbtrace_id,is_transient}}`, or Instagram's OAuth-host shape
 * `{"error_type","code":400,"error_message"}` when the error came from api.instagram.com and
 * the switch says so. Keys Meta omits when empty (subcode, user title/msg) are omitted too.
 */
export function renderError(err: GraphError, locale: Locale, oauthStyle: OAuthErrorStyle, fbtraceId: string): RenderedError {
  const spec = err.spec;
  const status = err.opts.status ?? spec.status;
  const headers = err.opts.headers ?? {};
  if (err.opts.oauthHost && oauthStyle === "instagram" && spec.oauth) {
    return { status: 400, headers, body: { error_type: spec.type, code: 400, error_message: fill(spec.oauth[locale], err.vars) } };
  }
  const error: Record<string, unknown> = {
    message: fill(spec.message[locale], err.vars),
    type: spec.type,
    code: spec.code,
  };
  if (spec.subcode !== undefined) error.error_subcode = spec.subcode;
  error.is_transient = spec.transient;
  if (spec.userTitle) error.error_user_title = spec.userTitle[locale];
  if (spec.userMsg) error.error_user_msg = spec.userMsg[locale];
  if (err.opts.extra) Object.assign(error, err.opts.extra);
  error.fbtrace_id = fbtraceId;
  return { status, headers, body: { error } };
}

/** The codes and subcodes this simulator can emit, for README tables and client tests. */
export function errorCatalogue(): { key: ErrorKey; code: number; subcode: number | null; type: string; transient: boolean }[] {
  return (Object.keys(ERRORS) as ErrorKey[]).map((key) => {
    const spec: ErrorSpec = ERRORS[key];
    return { key, code: spec.code, subcode: spec.subcode ?? null, type: spec.type, transient: spec.transient };
  });
}

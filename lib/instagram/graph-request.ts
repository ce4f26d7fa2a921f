import { createHmac } from "node:crypto";
import type { z } from "zod";
import { GraphApiError, GraphNetworkError, GraphTimeoutError, ZGraphErrorEnvelope } from "./graph-errors";
import { parseUsageHeaders, type GraphUsage } from "./usage-headers";

/**
 * The transport under the Graph client: one fetch with a timeout, usage headers, Meta's error
 * envelope and connection failures turned into classified errors. Tokens travel in the
 * Authorization header (query strings end up in access logs); nothing here logs.
 */

export type GraphTransportConfig = {
  appSecret: string;
  timeoutMs: number;
  requireAppsecretProof: boolean;
  fetchImpl: typeof fetch;
  /** An undici Dispatcher (e.g. an Agent with a larger pool); Node's fetch reads `dispatcher` from init. */
  dispatcher?: unknown;
};

export type GraphRequest = {
  /** Client method name, carried on errors for logs and metrics. */
  operation: string;
  method: "GET" | "POST" | "DELETE";
  url: URL;
  /** Sent as `Authorization: Bearer`, with `appsecret_proof` when configured. */
  token?: string;
  json?: unknown;
  form?: URLSearchParams;
  /**
   * Whether repeating the call is harmless. Decides whether a timeout or a broken connection
   * after sending is `transient` (reads, hide, subscribe) or `ambiguous` (sends, replies, code exchange).
   */
  idempotent: boolean;
};

export type GraphResponse = { status: number; data: unknown; text: string; usage: GraphUsage };

/** hex HMAC-SHA256(app secret, access token), reference §4.4. */
export function appsecretProof(appSecret: string, token: string): string {
  return createHmac("sha256", appSecret).update(token).digest("hex");
}

/** Failures where no byte of the request can have reached the server. */
const BEFORE_SEND_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "EPROTO",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

/** fetch wraps the socket error: TypeError("fetch failed") → cause (→ AggregateError.errors[]). */
function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current; depth++) {
    const e = current as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof e.code === "string") return e.code;
    if (Array.isArray(e.errors)) {
      const inner = e.errors.map(errorCode).find(Boolean);
      if (inner) return inner;
    }
    current = e.cause;
  }
  return undefined;
}

function isBeforeSend(code: string | undefined): boolean {
  return code !== undefined && (BEFORE_SEND_CODES.has(code) || code.startsWith("ERR_TLS_"));
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function graphRequest(config: GraphTransportConfig, req: GraphRequest): Promise<GraphResponse> {
  const headers: Record<string, string> = { accept: "application/json" };
  const url = new URL(req.url);
  if (req.token) {
    headers.authorization = `Bearer ${req.token}`;
    if (config.requireAppsecretProof) url.searchParams.set("appsecret_proof", appsecretProof(config.appSecret, req.token));
  }
  let body: string | undefined;
  if (req.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = req.form.toString();
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);

  let status: number;
  let text: string;
  let responseHeaders: Headers;
  try {
    const init: RequestInit & { dispatcher?: unknown } = { method: req.method, headers, body, signal: controller.signal };
    if (config.dispatcher) init.dispatcher = config.dispatcher;
    const res = await config.fetchImpl(url, init);
    status = res.status;
    responseHeaders = res.headers;
    // Reading the body inside the timeout also returns the socket to the keep-alive pool.
    text = await res.text();
  } catch (err) {
    if (timedOut) throw new GraphTimeoutError(req.operation, config.timeoutMs, req.idempotent);
    const code = errorCode(err);
    throw new GraphNetworkError(req.operation, isBeforeSend(code) ? "before_send" : "after_send", code, req.idempotent, err);
  } finally {
    clearTimeout(timer);
  }

  const usage = parseUsageHeaders(responseHeaders);
  const data = parseJson(text);
  const envelope = ZGraphErrorEnvelope.safeParse(data);
  // Meta occasionally wraps an error in a 200; the envelope wins over the status.
  if (envelope.success) throw new GraphApiError(req.operation, status, envelope.data.error, usage);
  if (status < 200 || status >= 300) throw new GraphApiError(req.operation, status, undefined, usage);
  if (data === undefined) {
    throw unexpectedResponse(req, status, usage, "Instagram answered with an unreadable response", true);
  }
  return { status, data, text, usage };
}

/**
 * A 2xx we cannot use. For a send, Instagram may well have acted (like 1/1357046), so it is
 * ambiguous; for a read, retrying an unreadable body can help, a wrong shape cannot.
 */
export function unexpectedResponse(
  req: Pick<GraphRequest, "operation" | "idempotent">,
  status: number,
  usage: GraphUsage,
  reason: string,
  retryable: boolean,
): GraphApiError {
  const cls = !req.idempotent ? "ambiguous" : retryable ? "transient" : "permanent";
  return new GraphApiError(req.operation, status, undefined, usage, { class: cls, reason, code: undefined, subcode: undefined });
}

/** Parses a 2xx body with `schema`, or throws the classified "unexpected response" error. */
export function expectShape<S extends z.ZodType>(
  req: Pick<GraphRequest, "operation" | "idempotent">,
  res: GraphResponse,
  schema: S,
): z.infer<S> {
  const parsed = schema.safeParse(res.data);
  if (parsed.success) return parsed.data;
  throw unexpectedResponse(req, res.status, res.usage, "Instagram answered in an unexpected format", false);
}

import { NextRequest } from "next/server";

export const BASE = "http://127.0.0.1:3000";

type RouteModule = Record<string, unknown>;
export type CallOptions = {
  path: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
};
export type CallResult = { status: number; body: any; text: string; headers: Headers };

/**
 * Calls a route handler exported by an app/ module the way Next.js does: a real Request and a
 * params promise. Authentication, tenancy and rate limits run their real code paths.
 */
export async function call(mod: RouteModule, method: string, opts: CallOptions): Promise<CallResult> {
  const handler = mod[method];
  if (typeof handler !== "function") throw new Error(`${opts.path} exports no ${method}`);
  const url = new URL(opts.path, BASE);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({ "x-forwarded-for": "198.51.100.10", ...opts.headers });
  if (opts.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const request = new NextRequest(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res: Response = await handler(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, body, text, headers: res.headers };
}

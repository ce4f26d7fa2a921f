import { randomUUID } from "node:crypto";
import { rootLogger, type Logger } from "@/lib/logger";
import { problemResponse } from "./errors";

export type RouteParams = Record<string, string | string[]>;
/** Next.js's second route-handler argument (params are a promise since Next 15). */
export type RouteContext<P extends RouteParams = RouteParams> = { params: Promise<P> };
export type RouteHandler<P extends RouteParams = RouteParams> = (request: Request, context: RouteContext<P>) => Promise<Response>;

export type RequestScope = { requestId: string; log: Logger; headers: Headers };

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The outer shell of every /api/v1 handler: a request id (the caller's if it looks like one),
 * a child logger, one access-log line, and the single catch that turns any error into
 * problem+json. `scope.headers` are added to the response whatever its outcome
 * (rate-limit headers set before a later failure still reach the client).
 */
export function apiRoute<P extends RouteParams>(fn: (request: Request, params: P, scope: RequestScope) => Promise<Response>): RouteHandler<P> {
  return async (request, context) => {
    const started = performance.now();
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const url = new URL(request.url);
    const log = rootLogger().child({ requestId, method: request.method, path: url.pathname });
    const scope: RequestScope = { requestId, log, headers: new Headers() };
    let response: Response;
    try {
      response = await fn(request, await context.params, scope);
    } catch (err) {
      response = problemResponse(err, requestId, scope.log);
    }
    response.headers.set("x-request-id", requestId);
    scope.headers.forEach((value, name) => {
      if (!response.headers.has(name)) response.headers.set(name, value);
    });
    scope.log.info({ status: response.status, ms: Math.round(performance.now() - started) }, "request");
    return response;
  };
}

/** A JSON response; `null` with 204 for "done, nothing to say". */
export function json(body: unknown, status = 200): Response {
  if (status === 204) return new Response(null, { status });
  return Response.json(body, { status });
}

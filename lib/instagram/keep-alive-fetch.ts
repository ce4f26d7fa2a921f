import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/**
 * The subset of `fetch` the Graph client uses (lib/instagram/graph-request.ts: method, headers,
 * string body, AbortSignal; status, headers.get, text()), on node:http(s) with keep-alive
 * agents. Node 20's undici fetch costs several times more CPU per request (web streams, Headers,
 * Request objects) and was the largest single item in the send path's profile.
 *
 * Idle sockets are closed after IDLE_MS, before a typical server's keep-alive timeout (Node's
 * 5 s), so a send rarely goes out on a socket the server is closing — which would fail with a
 * reset after the request was written: an ambiguous outcome, reconciled rather than resent.
 */
const IDLE_MS = 4_000;
const options = { keepAlive: true, maxSockets: 1_024, maxFreeSockets: 512, scheduling: "lifo" as const, timeout: IDLE_MS };
const agents = { http: new HttpAgent(options), https: new HttpsAgent(options) };

class MiniHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  }
}

type Init = { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal };

function read(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    res.on("error", reject);
    res.on("aborted", () => reject(Object.assign(new Error("response aborted"), { code: "ECONNRESET" })));
  });
}

export async function keepAliveFetch(input: URL | string, init: Init = {}): Promise<{ status: number; headers: MiniHeaders; text(): Promise<string> }> {
  const url = typeof input === "string" ? new URL(input) : input;
  const https = url.protocol === "https:";
  const headers: Record<string, string | number> = { ...init.headers };
  if (init.body !== undefined) headers["content-length"] = Buffer.byteLength(init.body);
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(url, { method: init.method ?? "GET", headers, agent: https ? agents.https : agents.http, signal: init.signal }, (res) => {
      // The body is read before resolving: the caller's timeout covers it and the socket returns to the pool.
      read(res).then((body) => resolve({ status: res.statusCode ?? 0, headers: new MiniHeaders(res.headers), text: async () => body }), reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

export function closeKeepAliveAgents(): void {
  agents.http.destroy();
  agents.https.destroy();
}

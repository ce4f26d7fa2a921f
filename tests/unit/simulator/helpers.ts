import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "@/lib/logger";
import { createSimulator, type Simulator, type SimulatorOptionsInput } from "@/lib/simulator";

/** A simulator on a random loopback port with a fixed seed and a silent logger. */
export function startSim(opts: SimulatorOptionsInput = {}): Promise<Simulator> {
  return createSimulator({ seed: 42, ...opts }, { logger: createLogger({ level: "silent" }) });
}

/** Graph answers and webhook bodies are free-form JSON; tests look into them by name. */
export type Json = any;
export type GraphResponse = { status: number; body: Json; headers: Headers };

export async function call(
  sim: Simulator,
  method: string,
  path: string,
  opts: { token?: string; json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<GraphResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(opts.form).toString();
  }
  const res = await fetch(`${sim.url}${path}`, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(4_000) });
  const text = await res.text();
  let parsed: Json = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** POST /me/messages with a JSON body. */
export function send(sim: Simulator, token: string, body: Record<string, unknown>): Promise<GraphResponse> {
  return call(sim, "POST", "/v25.0/me/messages", { token, json: body });
}

export function dm(sim: Simulator, token: string, igsid: string, text = "hello"): Promise<GraphResponse> {
  return send(sim, token, { recipient: { id: igsid }, message: { text } });
}

export function privateReply(sim: Simulator, token: string, commentId: string, text = "here is the link"): Promise<GraphResponse> {
  return send(sim, token, { recipient: { comment_id: commentId }, message: { text } });
}

export function graphError(res: GraphResponse): { code: number; error_subcode?: number; message: string; type: string; is_transient: boolean } {
  return res.body?.error;
}

export type Received = { method: string; url: string; headers: IncomingHttpHeaders; raw: Buffer; json: Json };
export type Reply = { status: number; body?: string; delayMs?: number };

export type Receiver = {
  url: string;
  requests: Received[];
  posts(): Received[];
  /** Every messaging[]/standby[] item and changes[] value across all POSTs, in arrival order. */
  items(): Json[];
  close(): Promise<void>;
};

/**
 * A tiny webhook endpoint on loopback. By default it passes the handshake for `verifyToken`
 * and answers POSTs 200; `reply` overrides the answer per request (n counts POSTs from 0).
 */
export async function startReceiver(opts: { verifyToken?: string; reply?: (req: Received, n: number) => Reply } = {}): Promise<Receiver> {
  const requests: Received[] = [];
  let posts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      let json: Json = null;
      try {
        json = raw.length ? JSON.parse(raw.toString("utf8")) : null;
      } catch {
        json = null;
      }
      const received: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, raw, json };
      requests.push(received);
      let reply: Reply;
      if (req.method === "GET") {
        const q = new URL(received.url, "http://x").searchParams;
        const ok = q.get("hub.mode") === "subscribe" && q.get("hub.verify_token") === (opts.verifyToken ?? "sim-verify-token");
        reply = ok ? { status: 200, body: q.get("hub.challenge") ?? "" } : { status: 403, body: "forbidden" };
      } else {
        reply = opts.reply?.(received, posts) ?? { status: 200, body: "EVENT_RECEIVED" };
        posts++;
      }
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { "content-type": "text/plain" });
        res.end(reply.body ?? "");
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks/instagram`,
    requests,
    posts: () => requests.filter((r) => r.method === "POST"),
    items: () =>
      requests
        .filter((r) => r.method === "POST" && r.json?.entry)
        .flatMap((r) => (r.json.entry as Json[]).flatMap((e) => [...(e.messaging ?? []), ...(e.standby ?? []), ...(e.changes ?? []).map((c: Json) => c.value), ...(e.value ? [e.value] : [])])),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

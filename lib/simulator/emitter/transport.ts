import http from "node:http";
import https from "node:https";

export type TransportResult = { status: number; body: string; error: string | null; ms: number };

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One HTTP exchange with the app's endpoint, bounded by `timeoutMs` for the whole response:
 * Meta treats a slow answer like a failed one. Never rejects; failures come back as status 0.
 */
export function request(
  url: URL,
  opts: { method: "GET" | "POST"; headers?: Record<string, string | number>; body?: Buffer; timeoutMs: number; agent?: http.Agent },
): Promise<TransportResult> {
  const started = Date.now();
  const mod = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number, body: string, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, body, error, ms: Date.now() - started });
    };
    const req = mod.request(url, { method: opts.method, headers: opts.headers, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8"), null));
      res.on("error", (err) => done(0, "", err.message));
    });
    const timer = setTimeout(() => {
      done(0, "", `no complete answer within ${opts.timeoutMs} ms`);
      req.destroy();
    }, opts.timeoutMs);
    req.on("error", (err) => done(0, "", err.message));
    req.end(opts.body);
  });
}

export function makeAgents(maxSockets: number): { http: http.Agent; https: https.Agent } {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets }),
  };
}

import { Agent, request } from "node:http";

/**
 * The outbound bench's baseline: the simulator's raw capacity for DMs from one Node process —
 * a bare keep-alive HTTP loop, `connections` requests in flight, no queue, no database, no
 * rate limiter — against the same endpoint the pipeline calls.
 */
export async function keepAliveBaseline(opts: {
  url: string;
  jobs: { igId: string; token: string; recipient: string }[];
  connections: number;
}): Promise<{ sent: number; failed: number; seconds: number; perSecond: number }> {
  const target = new URL(opts.url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  let next = 0;
  let sent = 0;
  let failed = 0;
  const post = (job: (typeof opts.jobs)[number]) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ recipient: { id: job.recipient }, message: { text: "Thanks for writing! Here is the link you asked for." } });
      const req = request(
        { agent, host: target.hostname, port: target.port, method: "POST", path: `/v25.0/${job.igId}/messages`, headers: { authorization: `Bearer ${job.token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode === 200) sent++;
            else failed++;
            resolve();
          });
        },
      );
      req.on("error", () => (failed++, resolve()));
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (next < opts.jobs.length) await post(opts.jobs[next++]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { sent, failed, seconds, perSecond: sent / seconds };
}

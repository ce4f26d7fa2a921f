import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { Queue, type ConnectionOptions } from "bullmq";
import { Redis } from "ioredis";
import { DEFAULT_JOB_OPTIONS } from "@/lib/queue/queues";

/**
 * The ingest benchmark's baseline (SPEC §8): a bare node:http server doing the same HMAC check
 * and one BullMQ add per request (same queue options and job-id scheme), nothing else.
 * Replyflow's ingest must reach ≥ 70 % of it.
 */
const port = Number(process.env.PORT);
const secret = process.env.SECRET!;
const conn = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
// The same add as Replyflow's: same queue options (retention, attempts, backoff), a deterministic job id.
const queue = new Queue("events", { connection: conn as unknown as ConnectionOptions, prefix: process.env.PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS });

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    const given = Buffer.from(String(req.headers["x-hub-signature-256"] ?? "").slice(7), "hex");
    const expected = createHmac("sha256", secret).update(body).digest();
    if (given.length !== 32 || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    const payload = JSON.parse(body.toString("utf8"));
    const id = payload.entry[0].changes[0].value.id as string;
    await queue.add("process-event", payload, { jobId: `ev-${id}` });
    res.writeHead(200).end("EVENT_RECEIVED");
  });
}).listen(port, "127.0.0.1", () => process.stdout.write("baseline ready\n"));
// A clean exit on SIGINT, so that a --cpu-prof profile (BENCH_CPU_PROF) is written.
process.once("SIGINT", () => process.exit(0));

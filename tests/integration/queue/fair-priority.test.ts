import { afterAll, describe, expect, it } from "vitest";
import { Queue, Worker, type ConnectionOptions } from "bullmq";
import { bullPrefix } from "@/lib/queue/queues";
import { BUCKET_MS, fairPriority, priorityFor } from "@/lib/queue/fair-priority";
import { createRedis } from "@/lib/redis";

const r = createRedis("client");
const workerConn = createRedis("worker");
afterAll(async () => {
  await Promise.all([r.quit(), workerConn.quit()]);
});

describe("fairPriority", () => {
  it("keeps a quiet account at 1 while a flooded one sinks, counting batches and the previous bucket", async () => {
    const now = 1_700_000_000_000 - (1_700_000_000_000 % BUCKET_MS); // start of a bucket
    expect(await fairPriority(r, "quiet", 1, now)).toBe(1);
    let flooded = 1;
    for (let i = 0; i < 10; i++) flooded = await fairPriority(r, "viral", 100, now + i);
    expect(flooded).toBe(priorityFor(1_000));
    expect(flooded).toBeGreaterThan(1);
    expect(await fairPriority(r, "quiet", 1, now + 5)).toBe(1);
    // Half-way through the next bucket, half of the previous bucket still counts.
    expect(await fairPriority(r, "viral", 1, now + BUCKET_MS + BUCKET_MS / 2)).toBe(priorityFor(1 + 500));
    // Two buckets later the flood is forgotten.
    expect(await fairPriority(r, "viral", 1, now + 3 * BUCKET_MS)).toBe(1);
  });

  it("puts a quiet account's job ahead of a flooded account's backlog in a real BullMQ queue", async () => {
    const name = "fair-priority-test";
    const queue = new Queue(name, { connection: r as unknown as ConnectionOptions, prefix: bullPrefix() });
    const order: string[] = [];
    try {
      // One fixed instant, so a 10-second bucket edge passing mid-test cannot shift the count.
      const now = Date.now();
      const flood = [];
      for (let i = 0; i < 400; i++) flood.push({ name: "e", data: { account: "viral", i }, opts: { priority: await fairPriority(r, "bull-viral", 1, now) } });
      await queue.addBulk(flood);
      await queue.add("e", { account: "quiet", i: 0 }, { priority: await fairPriority(r, "bull-quiet", 1, now) });

      await new Promise<void>((resolve, reject) => {
        const worker = new Worker(
          name,
          async (job) => {
            order.push(`${job.data.account}`);
            if (order.length === 401) void worker.close().then(resolve, reject);
          },
          { connection: workerConn as unknown as ConnectionOptions, prefix: bullPrefix(), concurrency: 1 },
        );
        worker.on("error", reject);
        setTimeout(() => reject(new Error(`only ${order.length} jobs processed`)), 20_000).unref();
      });
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    // The flood's first 50 events were "quiet" too (priority 1, FIFO); everything after them
    // waits behind the quiet account's single event.
    expect(order.indexOf("quiet")).toBe(50);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { primary } from "@/lib/db";
import { eventJobId } from "@/lib/events/process-event-job";
import { createWebhookReceiver } from "@/lib/ingest/webhook-receiver";
import { logger } from "@/lib/logger";
import { queue } from "@/lib/queue/queues";
import { createRedis } from "@/lib/redis";
import { seedPlans } from "@/prisma/seed-data";
import { useTestDatabase } from "../../helpers/isolation";
import { freePort, spawnTsx, waitForUrl } from "../../helpers/processes";
import { commentPayload, metaJson, sign } from "../../helpers/webhooks";

const IG = "17841400000000011";

describe("standalone ingest process", () => {
  beforeAll(async () => {
    await useTestDatabase();
    const plans = await seedPlans();
    const t = await primary().tenant.create({ data: { name: "P", slug: "p", planId: plans.free } });
    await primary().instagramAccount.create({ data: { tenantId: t.id, igUserId: IG, username: "shop", subscribedFields: [] } });
  });

  it("serves health, takes signed deliveries over real HTTP, refuses 1 MiB+, and stops on SIGTERM", async () => {
    const port = await freePort();
    const proc = spawnTsx("worker/ingest.ts", { INGEST_PORT: String(port) });
    try {
      await waitForUrl(`http://127.0.0.1:${port}/readyz`, { proc });
      const body = metaJson(commentPayload(IG, { id: "c-http-1", text: "PRICE 💸" }));
      const ok = await fetch(`http://127.0.0.1:${port}/webhooks/instagram`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": sign(body, process.env.INSTAGRAM_APP_SECRET!) },
        body,
      });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe("EVENT_RECEIVED");
      const job = await queue("events").getJob(eventJobId(IG, "c:c-http-1"));
      expect(job?.data.event.text).toBe("PRICE 💸");

      const big = await fetch(`http://127.0.0.1:${port}/webhooks/instagram`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=00" },
        body: "x".repeat(1024 * 1024 + 10),
      });
      expect(big.status).toBe(413);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/replyflow_webhook_events_total\{outcome="enqueued",service="ingest"\} 1/);

      proc.child.kill("SIGTERM");
      expect(await proc.exited).toBe(0);
    } finally {
      if (proc.child.exitCode === null) proc.child.kill("SIGKILL");
    }
  });
});

describe("when Redis cannot take the events", () => {
  it("answers 503 so Meta retries, instead of acknowledging and losing them", async () => {
    const dead = createRedis("client", "redis://127.0.0.1:1");
    const deadQueue = new Queue("events", { connection: dead as never, prefix: "{rft_dead}" });
    deadQueue.on("error", () => undefined);
    const receiver = createWebhookReceiver({
      secrets: ["s3cret-s3cret-s3cret"],
      verifyToken: "x",
      resolveAccount: async () => ({ tenantId: "t", accountId: "a", status: "active" }),
      enqueue: async (jobs) => {
        await deadQueue.addBulk(jobs.map((data) => ({ name: "process-event", data })));
      },
      log: logger,
    });
    const body = Buffer.from(metaJson(commentPayload(IG, { id: "c-x", text: "hi" })));
    const r = await receiver.handle({ method: "POST", query: new URLSearchParams(), signature: sign(body, "s3cret-s3cret-s3cret"), body });
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body)).toMatchObject({ code: "enqueue_failed" });
    await deadQueue.close().catch(() => undefined);
    dead.disconnect();
  });
});

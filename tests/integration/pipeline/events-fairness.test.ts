import { beforeAll, describe, expect, it } from "vitest";
import type { TProcessEventJob } from "@/lib/events/process-event-job";
import { enqueueEchoes, enqueueEvents } from "@/lib/ingest/default-receiver";
import { queue } from "@/lib/queue/queues";
import { useTestDatabase } from "../../helpers/isolation";

const event = (account: string, i: number): TProcessEventJob => ({
  tenantId: "t1",
  accountId: account,
  igUserId: `ig-${account}`,
  receivedAt: Date.now(),
  event: { accountId: `ig-${account}`, kind: "comment", dedupeKey: `c:${account}-${i}`, occurredAt: Date.now(), senderId: `u${i}`, text: "GIVEAWAY", commentId: `${account}${i}`, standby: false },
});

describe("fair share on the events queue", () => {
  beforeAll(() => useTestDatabase());

  it("puts a quiet account's events ahead of a flooded account's backlog, with plain BullMQ priorities", async () => {
    // A viral post: 600 comments in deliveries of 20 over ~0.5 s, then two ordinary comments elsewhere.
    for (let d = 0; d < 30; d++) {
      await enqueueEvents(Array.from({ length: 20 }, (_, i) => event("flood", d * 20 + i)));
      await new Promise((r) => setTimeout(r, 15));
    }
    await enqueueEvents([event("quiet", 1)]);
    await enqueueEvents([event("quiet", 2)]);
    await enqueueEchoes([{ tenantId: "t1", accountId: "quiet", echo: { igUserId: "ig-quiet", kind: "message", recipientId: "u1", mid: "m1", text: "hi", timestamp: Date.now() } }]);

    // The order a worker takes them in: by priority, FIFO within one.
    const order = await queue("events").getJobs(["prioritized"], 0, -1, true);
    expect(order).toHaveLength(603);
    const position = (account: string) => order.map((j, i) => [j.data.accountId, i] as const).filter(([a]) => a === account).map(([, i]) => i);
    const quiet = position("quiet");
    expect(Math.max(...quiet)).toBeLessThan(160); // behind at most the flood's first deliveries, before it counted as a flood
    expect(position("flood").filter((i) => i > Math.max(...quiet)).length).toBeGreaterThanOrEqual(450);
    const priorities = new Map(order.map((j) => [j.data.accountId as string, [] as number[]]));
    for (const j of order) priorities.get(j.data.accountId)!.push(j.opts.priority ?? 0);
    expect(new Set(priorities.get("quiet"))).toEqual(new Set([1]));
    expect(Math.max(...priorities.get("flood")!)).toBeGreaterThan(1);
  });
});

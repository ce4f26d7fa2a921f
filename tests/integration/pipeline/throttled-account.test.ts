import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import { cooldownState } from "@/lib/outbound/rate-limit";
import { rateKeys } from "@/lib/outbound/rate-limit/keys";
import { outboundJobId } from "@/lib/pipeline/jobs/send-outbound-job";
import { queue } from "@/lib/queue/queues";
import { redis } from "@/lib/redis";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { connectAccount, createAutomation, graphEnv, seedWorkspace, sleep, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const IG_A = "17841400000000501";
const IG_B = "17841400000000502";

describe("Instagram throttling one account (613)", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc;
  let tenantId: string;
  let accountA: string;

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("throttled")).id;
    const a = await connectAccount(sim, tenantId, IG_A, "shop_a");
    const b = await connectAccount(sim, tenantId, IG_B, "shop_b");
    accountA = a.row.id;
    for (const acc of [a.row.id, b.row.id]) {
      await createAutomation(tenantId, acc, "Info", {
        trigger: { type: "comment", posts: { mode: "any" } },
        actions: [{ type: "private_reply", message: { text: "Details inside, {{username}}", trackLinks: false } }],
      });
    }
    worker = await startWorker(graphEnv(sim));
  });

  afterAll(async () => {
    await Promise.all([stop(worker), stop(ingest)]);
    await sim?.close();
  });

  it("makes only that account wait, without polling or using attempts; the others keep sending", { timeout: 90_000 }, async () => {
    sim.admin.throttle(IG_A, { seconds: 2, scope: "messaging" });
    const first = sim.admin.act({ type: "comment", accountId: IG_A, username: "ivy", text: "info" });
    const row = await waitFor(async () => {
      const r = await primary().outboundMessage.findFirst({ where: { tenantId, commentId: first.commentId } });
      return r?.errorCode === 613 && r.status === "queued" && r;
    }, { what: "A's send deferred" });
    expect(row).toMatchObject({ status: "queued", attempts: 1, errorClass: "throttled" });

    // A cools down for at least a minute (Meta's regain estimate, never less than 60 s) …
    const cool = await cooldownState(redis(), accountA);
    expect(cool.active && cool.remainingMs).toBeGreaterThan(50_000);
    const job = await queue("outbound").getJob(outboundJobId(String(row.id)));
    expect(await job?.getState()).toBe("delayed");
    expect(job?.attemptsMade).toBe(0);

    // … while B's comments, and A's new ones, arrive. B's go out at once; A's wait in the delayed set.
    const onB = Array.from({ length: 5 }, (_, i) => sim.admin.act({ type: "comment", accountId: IG_B, username: `b${i}`, text: "info" }));
    const second = sim.admin.act({ type: "comment", accountId: IG_A, username: "jay", text: "info" });
    await waitFor(() => onB.every((c) => sim.state.sends.count({ commentId: c.commentId, kind: "private_reply" }) === 1), { what: "B's replies" });
    await sleep(2_500);
    const callsDuringThrottle = sim.state.stats().violations.duringThrottle;
    expect(callsDuringThrottle).toBe(1); // only the call that learned about the throttle
    expect(sim.state.sends.count({ account: IG_A })).toBe(0);
    const secondRow = await primary().outboundMessage.findFirstOrThrow({ where: { tenantId, commentId: second.commentId } });
    expect(secondRow).toMatchObject({ status: "queued", attempts: 0 });
    expect(await (await queue("outbound").getJob(outboundJobId(String(secondRow.id))))?.getState()).toBe("delayed");

    // Time passes (the cooldown ends, the delayed jobs come due): each parked send goes out once.
    await redis().del(rateKeys.cooldown(accountA));
    for (const r of [row, secondRow]) await (await queue("outbound").getJob(outboundJobId(String(r.id))))?.promote();
    await waitFor(() => sim.state.sends.count({ account: IG_A, kind: "private_reply" }) === 2, { what: "A's replies after the cooldown" });
    await sleep(1_500);
    expect(sim.state.sends.count({ commentId: first.commentId, kind: "private_reply" })).toBe(1);
    expect(sim.state.sends.count({ commentId: second.commentId, kind: "private_reply" })).toBe(1);
    expect(sim.state.stats().violations.total).toBe(0);
  });
});

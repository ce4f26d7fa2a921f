import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { connectAccount, createAutomation, graphEnv, seedWorkspace, sleep, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const ACCOUNTS = 10;
const COMMENTS = 300;
const igId = (i: number) => `178414000000004${String(i).padStart(2, "0")}`;

describe("a worker killed with SIGKILL mid-batch", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc | undefined;
  let tenantId: string;

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("sigkill")).id;
    for (let i = 0; i < ACCOUNTS; i++) {
      const { row } = await connectAccount(sim, tenantId, igId(i), `shop_${i}`);
      await createAutomation(tenantId, row.id, "Giveaway", {
        trigger: { type: "comment", posts: { mode: "any" } },
        actions: [
          { type: "public_reply", variants: ["Entered, {{username}}!"] },
          { type: "private_reply", message: { text: "You're in, {{username}} 🎉", trackLinks: false } },
        ],
      });
    }
  });

  afterAll(async () => {
    await Promise.all([stop(worker, "SIGKILL"), stop(ingest)]);
    await sim?.close();
  });

  it("loses nothing and sends nothing twice once a new worker takes over", { timeout: 150_000 }, async () => {
    // Every Graph call takes 700 ms, so dozens are in flight when the worker dies.
    sim.admin.addFault({ kind: "slow", delayMs: 700, probability: 1, endpoint: "any" });
    worker = await startWorker({ ...graphEnv(sim), WORKER_OUTBOUND_CONCURRENCY: "60" });
    const comments = sim.admin.actMany(
      Array.from({ length: COMMENTS }, (_, n) => ({ type: "comment" as const, accountId: igId(n % ACCOUNTS), username: `fan_${n}`, text: `count me in #${n}` })),
    );

    await waitFor(() => sim.state.sends.count({ kind: ["private_reply", "comment_reply"] }) >= 150, { what: "a third of the sends", timeoutMs: 60_000, intervalMs: 20 });
    worker.child.kill("SIGKILL");
    await worker.exited;
    const inFlight = await primary().outboundMessage.count({ where: { tenantId, status: "sending" } });
    const sentAtKill = sim.state.sends.count({ kind: ["private_reply", "comment_reply"] });
    expect(sentAtKill).toBeLessThan(2 * COMMENTS);

    worker = await startWorker({ ...graphEnv(sim), WORKER_OUTBOUND_CONCURRENCY: "60" });
    await waitFor(
      async () => (await primary().outboundMessage.count({ where: { tenantId, status: { not: "sent" } } })) === 0,
      { what: "every row sent", timeoutMs: 100_000, intervalMs: 500 },
    );
    await sleep(3_000); // a sweep and a reconcile round more: nothing may follow
    for (const c of comments) {
      expect(sim.state.sends.count({ commentId: c.commentId, kind: "private_reply" }), `private reply for ${c.commentId}`).toBe(1);
      expect(sim.state.sends.count({ commentId: c.commentId, kind: "comment_reply" }), `public reply for ${c.commentId}`).toBe(1);
    }
    expect(sim.state.stats().duplicates).toBe(0);
    expect(await primary().outboundMessage.count({ where: { tenantId } })).toBe(2 * COMMENTS);
    expect(await primary().webhookEvent.count({ where: { tenantId } })).toBe(COMMENTS);
    // The kill really caught sends mid-flight, so reconciliation had work to do.
    expect(inFlight).toBeGreaterThan(0);
  });
});

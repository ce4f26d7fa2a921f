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

const IG_A = "17841400000000511";
const IG_B = "17841400000000512";

describe("Instagram throttling the whole app (code 4)", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc;
  let tenantId: string;
  let tokenA: string;

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("app-throttled")).id;
    for (const [ig, name] of [[IG_A, "shop_a"], [IG_B, "shop_b"]] as const) {
      const connected = await connectAccount(sim, tenantId, ig, name);
      if (ig === IG_A) tokenA = connected.token;
      await createAutomation(tenantId, connected.row.id, "Info", {
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

  const rowOf = (commentId: string | undefined) => primary().outboundMessage.findFirst({ where: { tenantId, commentId: commentId! } });

  it("makes every account wait, without calling Meta again or using attempts, and sends each once afterwards", { timeout: 90_000 }, async () => {
    // An app budget of one call, spent here (or by a background job of the worker first): from now
    // on Meta answers code 4 to every call of the app, whichever account makes it.
    sim.admin.setConfig({ appLimit: { limit: 1, windowMs: 3_600_000 } });
    await fetch(`${sim.url}/v25.0/me?fields=user_id`, { headers: { authorization: `Bearer ${tokenA}` } });

    const refused = sim.admin.act({ type: "comment", accountId: IG_B, username: "jay", text: "info" });
    const row = await waitFor(async () => {
      const r = await rowOf(refused.commentId);
      return r?.errorCode === 4 && r.status === "queued" && r;
    }, { what: "B's send refused app-wide" });
    expect(row).toMatchObject({ attempts: 1, errorClass: "throttled" });
    const cool = await cooldownState(redis(), "__app__");
    expect(cool.active && cool.remainingMs).toBeGreaterThan(50_000);

    // Another account's new comment waits too: no call reaches Meta while the app is throttled.
    const meanwhile = sim.admin.act({ type: "comment", accountId: IG_A, username: "kim", text: "info" });
    const waiting = await waitFor(async () => {
      const r = await rowOf(meanwhile.commentId);
      return r && (await (await queue("outbound").getJob(outboundJobId(String(r.id))))?.getState()) === "delayed" && r;
    }, { what: "A's new send deferred" });
    await sleep(2_000);
    expect(await rowOf(meanwhile.commentId)).toMatchObject({ status: "queued", attempts: 0 });
    // No send was tried again: the refused one keeps its single attempt (the worker's background
    // reads, e.g. the subscription check, may still meet the throttle; they are not sends).
    expect(await rowOf(refused.commentId)).toMatchObject({ status: "queued", attempts: 1 });
    expect(sim.state.sends.count({ kind: "private_reply" })).toBe(0);

    // Access is regained: each waiting send goes out exactly once.
    sim.admin.setConfig({ appLimit: { limit: 10_000, windowMs: 3_600_000 } });
    await redis().del(rateKeys.cooldown("__app__"));
    await sleep(1_200); // the workers re-read the app cooldown at most once a second
    for (const r of [row, waiting]) await (await queue("outbound").getJob(outboundJobId(String(r.id))))?.promote();
    await waitFor(() => sim.state.sends.count({ commentId: refused.commentId, kind: "private_reply" }) === 1 && sim.state.sends.count({ commentId: meanwhile.commentId, kind: "private_reply" }) === 1, {
      what: "both sends after the throttle",
    });
    await sleep(1_000);
    expect(sim.state.sends.count({ kind: "private_reply" })).toBe(2);
    expect(sim.state.stats().duplicates).toBe(0);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/lib/simulator";
import { call, startReceiver, startSim, type Receiver } from "./helpers";

let sim: Simulator | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
});

describe("scenarios", () => {
  it("giveaway-reel: the planned comments, users and keyword share, delivered as signed webhooks", async () => {
    receiver = await startReceiver();
    sim = await startSim({ testAccount: { subscribedFields: ["comments"] }, webhooks: { callbackUrl: receiver.url, maxBatch: 200, lingerMs: 10 } });
    const run = sim.admin.runScenario("giveaway-reel", { count: 300, durationMs: 300, users: 120, keywordRatio: 0.3 });
    const view = await run.done;
    expect(view).toMatchObject({ status: "finished", planned: 300, emitted: 300, errors: 0 });
    expect(view.summary).toMatchObject({ keywordComments: 90, users: 120, keyword: "GIVEAWAY" });
    await sim.emitter.flush();
    const items = receiver.items();
    expect(items).toHaveLength(300);
    expect(new Set(items.map((i) => i.from.id)).size).toBe(120);
    expect(items.filter((i) => /giveaway/i.test(i.text))).toHaveLength(90);
    expect(items.every((i) => i.media.id === view.summary.mediaId && i.media.media_product_type === "REELS")).toBe(true);
    expect(receiver.posts().some((p) => p.raw.toString().includes("\\u"))).toBe(true);
  });

  it("runs from the admin endpoint, paces over the duration, and can be stopped", async () => {
    sim = await startSim();
    const started = Date.now();
    const res = await call(sim, "POST", "/__admin/scenarios/run", { json: { name: "dm-burst", params: { count: 20, durationMs: 200, users: 5 }, wait: true } });
    expect(res.body).toMatchObject({ status: "finished", emitted: 20 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(sim.state.world.users.size).toBe(5);

    const long = sim.admin.runScenario("steady-traffic", { ratePerSec: 100, durationMs: 60_000 });
    await new Promise((r) => setTimeout(r, 100));
    expect(sim.admin.stopScenario(long.id)).toBe(true);
    const stopped = await long.done;
    expect(stopped.status).toBe("stopped");
    expect(stopped.emitted).toBeGreaterThan(0);
    expect(stopped.emitted).toBeLessThan(100);
  });

  it("refuses unknown scenarios and out-of-bounds parameters", async () => {
    sim = await startSim();
    expect((await call(sim, "POST", "/__admin/scenarios/run", { json: { name: "nope" } })).status).toBe(404);
    const tooMany = await call(sim, "POST", "/__admin/scenarios/run", { json: { name: "giveaway-reel", params: { count: 5_000_000 } } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.type).toBe("SimulatorAdminException");
    const tooLong = await call(sim, "POST", "/__admin/scenarios/run", { json: { name: "dm-burst", params: { durationMs: 7_200_000 } } });
    expect(tooLong.status).toBe(400);
  });
});

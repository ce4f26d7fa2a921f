import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { metaJson, sign } from "../../helpers/webhooks";
import { TEST_ENV } from "../../helpers/test-env";
import { connectAccount, createAutomation, graphEnv, outboundRows, seedWorkspace, sleep, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const IG = "17841400000000101";

describe("comment → public reply + private reply, exactly once", () => {
  let sim: Simulator;
  let ingestA: Proc;
  let ingestB: Proc;
  let worker: Proc;
  let tenantId: string;
  let accountId: string;

  beforeAll(async () => {
    await useTestDatabase();
    [ingestA, ingestB] = await Promise.all([startIngest(), startIngest()]);
    sim = await startSim(ingestA.url); // echoes of our own sends come back through ingest A
    const tenant = await seedWorkspace("exactly-once");
    tenantId = tenant.id;
    const { row } = await connectAccount(sim, tenantId, IG, "shop");
    accountId = row.id;
    await createAutomation(tenantId, accountId, "Price list", {
      trigger: { type: "comment", posts: { mode: "any" } },
      conditions: { keywords: { mode: "contains_word", values: ["price"] }, reentry: { policy: "once_per_post" } },
      actions: [
        { type: "public_reply", variants: ["Thanks {{username}}! Check your DMs 📩", "Sent you the prices, {{username}}!"] },
        { type: "private_reply", message: { text: "Hi {{username}}, here is the price list: https://shop.example.com/prices." } },
      ],
    });
    worker = await startWorker(graphEnv(sim));
  });

  afterAll(async () => {
    await Promise.all([stop(worker), stop(ingestA), stop(ingestB)]);
    await sim?.close();
  });

  it("sends each reply once although Meta delivered the comment to two ingest replicas five times", async () => {
    // The person comments; the simulator's own delivery goes to ingest A …
    const { userId, commentId } = sim.admin.act({ type: "comment", accountId: IG, username: "alice", text: "PRICE please 🙏" });
    const media = sim.admin.comment(commentId!).mediaId;
    // … and the same signed delivery arrives five more times, spread over both replicas at once.
    const body = metaJson({
      object: "instagram",
      entry: [{ id: IG, time: Date.now(), changes: [{ field: "comments", value: { id: commentId, text: "PRICE please 🙏", from: { id: userId, username: "alice" }, media: { id: media, media_product_type: "REELS" } } }] }],
    });
    const signature = sign(body, TEST_ENV.INSTAGRAM_APP_SECRET!);
    const statuses = await Promise.all(
      [ingestA, ingestB, ingestB, ingestA, ingestB].map(async (p) => {
        const res = await fetch(p.url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signature }, body });
        return res.status;
      }),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    await waitFor(() => sim.state.sends.count({ commentId, kind: ["comment_reply", "private_reply"] }) === 2, { what: "both replies", timeoutMs: 30_000 });
    await sleep(2_500); // redeliveries, retries and sweeps have every chance to send again
    expect(sim.state.sends.count({ commentId, kind: "comment_reply" })).toBe(1);
    const [dm] = sim.state.sends.query({ commentId, kind: "private_reply" });
    expect(sim.state.sends.count({ commentId, kind: "private_reply" })).toBe(1);
    expect(sim.state.stats().duplicates).toBe(0);
    // Template rendered once, link rewritten through the click counter.
    expect(dm?.text).toMatch(/^Hi alice, here is the price list: http:\/\/127\.0\.0\.1:3000\/r\/[A-Za-z0-9]{10}\.$/);

    const events = await primary().webhookEvent.findMany({ where: { tenantId } });
    expect(events).toHaveLength(1);
    expect(events[0]?.status).toBe("processed");
    const runs = await primary().automationRun.findMany({ where: { tenantId } });
    expect(runs.map((r) => [r.outcome, r.reason])).toEqual([["matched", expect.stringContaining("price")]]);
    const rows = await waitFor(async () => {
      const r = await outboundRows(tenantId);
      return r.every((x) => x.status === "sent") && r;
    }, { what: "rows sent" });
    expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([["public_reply", "sent", 1], ["private_reply", "sent", 1]]);
    const link = await primary().trackedLink.findFirst({ where: { tenantId } });
    expect(link?.url).toBe("https://shop.example.com/prices");
    expect(dm?.text).toContain(`/r/${link?.code}`);
    const contact = await primary().contact.findFirst({ where: { tenantId, igsid: userId } });
    expect(contact).toMatchObject({ username: "alice", awaitingReply: true });
    const usage = await primary().usageCounter.findFirst({ where: { tenantId } });
    expect(usage).toMatchObject({ privateReplies: 1, publicReplies: 1, dmsSent: 0 });
  });

  it("a second comment by someone else on the same post gets the other reply variant", async () => {
    const first = sim.state.sends.query({ kind: "comment_reply" })[0]!;
    const { commentId } = sim.admin.act({ type: "comment", accountId: IG, username: "bob", text: "price?", mediaId: sim.admin.comment(first.commentId!).mediaId });
    await waitFor(() => sim.state.sends.count({ commentId, kind: "comment_reply" }) === 1, { what: "second public reply" });
    const second = sim.state.sends.query({ commentId, kind: "comment_reply" })[0]!;
    expect(second.text).not.toBe(first.text?.replace("alice", "bob"));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { connectAccount, createAutomation, graphEnv, seedWorkspace, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const IG = "17841400000000601";

/**
 * Private replies to comments on a Live broadcast have Meta's 100/s budget, not the 750/hour
 * one of posts (reference §3.1), and are only possible while the broadcast runs — so they must
 * not queue behind the hourly budget. The account's hourly private-reply limit is set to 2
 * here, on both sides: five live comments must still all be answered at once, within limits.
 */
describe("private replies on a Live broadcast", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc;
  let tenantId: string;

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("live")).id;
    const connected = await connectAccount(sim, tenantId, IG, "studio", ["comments", "live_comments", "messages"]);
    sim.admin.setLimits(IG, { privateReply: { limit: 2, windowMs: 3_600_000 } });
    await primary().instagramAccount.update({ where: { id: connected.row.id }, data: { privateRepliesPerHour: 2 } });
    await createAutomation(tenantId, connected.row.id, "Live giveaway", {
      trigger: { type: "live_comment" },
      actions: [{ type: "private_reply", message: { text: "You're in, {{username}}!", trackLinks: false } }],
    });
    worker = await startWorker(graphEnv(sim));
  });

  afterAll(async () => {
    await Promise.all([stop(worker), stop(ingest)]);
    await sim?.close();
  });

  it("go out while the broadcast lasts, beyond the hourly budget of post comments, without a violation", async () => {
    const comments = Array.from({ length: 5 }, (_, i) => sim.admin.act({ type: "comment", accountId: IG, live: true, username: `viewer${i}`, text: "me!" }));
    await waitFor(() => comments.every((c) => sim.state.sends.count({ commentId: c.commentId, kind: "private_reply" }) === 1), { what: "five live private replies", timeoutMs: 20_000 });
    const rows = await primary().outboundMessage.findMany({ where: { tenantId, kind: "private_reply" } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
    expect(rows.every((r) => (r.content as { live?: boolean }).live === true)).toBe(true);
    expect(sim.state.stats().violations.total).toBe(0);
  });
});

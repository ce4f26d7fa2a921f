import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { connectAccount, createAutomation, graphEnv, seedWorkspace, sleep, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const IG = "17841400000000201";

describe("a private reply Meta refuses is terminal", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc;
  let tenantId: string;
  let token: string;

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("refused")).id;
    const connected = await connectAccount(sim, tenantId, IG, "shop");
    token = connected.token;
    await createAutomation(tenantId, connected.row.id, "Giveaway", {
      trigger: { type: "comment", posts: { mode: "any" } },
      actions: [
        { type: "public_reply", variants: ["Good luck {{username}}!"] },
        { type: "private_reply", message: { text: "You're in the giveaway 🎉", trackLinks: false } },
      ],
    });
    worker = await startWorker(graphEnv(sim));
  });

  afterAll(async () => {
    await Promise.all([stop(worker), stop(ingest)]);
    await sim?.close();
  });

  async function rowFor(commentId: string, kind: "private_reply" | "public_reply") {
    return primary().outboundMessage.findFirst({ where: { tenantId, commentId, kind } });
  }

  it("skips a comment that is more than 7 days old (by Instagram's clock) with the reason, and never retries it", async () => {
    const { commentId } = sim.admin.act({ type: "comment", accountId: IG, username: "carol", text: "me!" });
    sim.admin.advanceClock(8 * 86_400_000); // Instagram's clock moves on; the webhook itself looked fresh
    const row = await waitFor(async () => {
      const r = await rowFor(commentId!, "private_reply");
      return r && r.status !== "queued" && r.status !== "sending" ? r : undefined;
    }, { what: "private reply settled" });
    expect(row.status).toBe("skipped");
    expect(row.reason).toMatch(/can't get a private reply/);
    expect([row.errorCode, row.errorSubcode, row.errorClass]).toEqual([100, 2534025, "already_replied"]);
    await sleep(4_000); // two sweeps, any retry backoff
    expect((await rowFor(commentId!, "private_reply"))?.attempts).toBe(1);
    expect(sim.state.sends.count({ commentId, kind: "private_reply" })).toBe(0);
    // The public reply is unaffected.
    expect(sim.state.sends.count({ commentId, kind: "comment_reply" })).toBe(1);
  });

  it("skips a comment that already got its one private reply from elsewhere", async () => {
    const { commentId } = sim.admin.act({ type: "comment", accountId: IG, username: "dave", text: "me too" });
    // Another tool (or a human in the Instagram app) answers privately first.
    const other = await fetch(`${sim.url}/v25.0/${IG}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ recipient: { comment_id: commentId }, message: { text: "from another tool" } }),
    });
    expect(other.status).toBe(200);
    const row = await waitFor(async () => {
      const r = await rowFor(commentId!, "private_reply");
      return r && r.status !== "queued" && r.status !== "sending" ? r : undefined;
    }, { what: "private reply settled" });
    expect(row).toMatchObject({ status: "skipped", attempts: 1, errorSubcode: 2534025 });
    await sleep(3_000);
    expect((await rowFor(commentId!, "private_reply"))?.attempts).toBe(1);
    expect(sim.state.sends.count({ commentId, kind: "private_reply" })).toBe(1);
    expect(sim.state.stats().duplicates).toBe(0);
  });

  it("does not even try when the webhook itself says the comment is older than 7 days", async () => {
    const { commentId, userId } = sim.admin.act({ type: "comment", accountId: IG, username: "erin", text: "hello" });
    // Redeliver it with its real (old) timestamp under another id: the engine refuses up front.
    const { enqueueEvents } = await import("@/lib/ingest/default-receiver");
    const account = await primary().instagramAccount.findFirstOrThrow({ where: { tenantId } });
    await enqueueEvents([
      {
        tenantId,
        accountId: account.id,
        igUserId: IG,
        receivedAt: Date.now(),
        event: { accountId: IG, kind: "comment", dedupeKey: `c:old-${commentId}`, occurredAt: Date.now() - 9 * 86_400_000, senderId: userId, senderUsername: "erin", text: "hello", commentId: `old${commentId}`, standby: false },
      },
    ]);
    const run = await waitFor(() => primary().automationRun.findFirst({ where: { tenantId, commentId: `old${commentId}` } }), { what: "run" });
    expect(run).toMatchObject({ outcome: "skipped", reason: "Comment is more than 7 days old; Instagram no longer allows a private reply" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { connectAccount, createAutomation, graphEnv, seedWorkspace, sleep, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const IG_DM = "17841400000000601";
const IG_NO_ECHO = "17841400000000602";

describe("ambiguous outcomes (1/1357046: Instagram delivered, then answered with an error)", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc;
  let tenantId: string;

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("ambiguous")).id;
    const dm = await connectAccount(sim, tenantId, IG_DM, "shop_dm");
    await createAutomation(tenantId, dm.row.id, "Auto answer", {
      trigger: { type: "dm_any" },
      actions: [{ type: "dm", message: { text: "Thanks for writing, {{username}}! We answer within a day.", trackLinks: false } }],
    });
    const quiet = await connectAccount(sim, tenantId, IG_NO_ECHO, "shop_quiet");
    await createAutomation(tenantId, quiet.row.id, "Giveaway", {
      trigger: { type: "comment", posts: { mode: "any" } },
      actions: [{ type: "private_reply", message: { text: "You're in!", trackLinks: false } }],
    });
    worker = await startWorker(graphEnv(sim));
  });

  afterAll(async () => {
    await Promise.all([stop(worker), stop(ingest)]);
    await sim?.close();
  });

  it("settles the DM as sent from its echo: exactly one message, never resent", async () => {
    sim.admin.addFault({ kind: "sent_but_errored", accountId: IG_DM, endpoint: "dm", count: 1 });
    const { userId } = sim.admin.act({ type: "dm", accountId: IG_DM, username: "kim", text: "hello there" });
    const row = await waitFor(async () => {
      const r = await primary().outboundMessage.findFirst({ where: { tenantId, recipientIgsid: userId, kind: "dm" } });
      return r?.status === "sent" && r;
    }, { what: "DM sent", timeoutMs: 20_000 });
    await sleep(4_500); // longer than the grace period: a reconcile round would have resent by now
    const sends = sim.state.sends.query({ account: IG_DM, recipient: userId, kind: "dm" });
    expect(sends).toHaveLength(1);
    expect(sends[0]?.erroredAfterSend).toBe(true);
    const settled = await primary().outboundMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(settled).toMatchObject({ status: "sent", attempts: 1, errorClass: "ambiguous", errorCode: 1, errorSubcode: 1357046, graphMessageId: sends[0]?.messageId });
  });

  it("with no echo, resends a private reply after the grace period, and Instagram's 'already replied' settles it as sent", async () => {
    // From here on Meta delivers comments only: the private reply's echo never reaches us.
    sim.admin.configureWebhooks({ appFields: ["comments"] });
    sim.admin.addFault({ kind: "sent_but_errored", accountId: IG_NO_ECHO, endpoint: "private_reply", count: 1 });
    const { commentId } = sim.admin.act({ type: "comment", accountId: IG_NO_ECHO, username: "lee", text: "me" });
    const unknown = await waitFor(async () => {
      const r = await primary().outboundMessage.findFirst({ where: { tenantId, commentId } });
      return r?.status === "unknown" && r;
    }, { what: "unknown outcome" });
    expect(unknown.reason).toMatch(/checked before any resend/);
    const row = await waitFor(async () => {
      const r = await primary().outboundMessage.findUniqueOrThrow({ where: { id: unknown.id } });
      return r.status === "sent" && r;
    }, { what: "reconciled", timeoutMs: 20_000 });
    expect(row).toMatchObject({ attempts: 2, reason: "Sent: Instagram confirmed the private reply after an earlier attempt's answer was lost" });
    expect(sim.state.sends.count({ commentId, kind: "private_reply" })).toBe(1);
    expect(sim.state.stats().duplicates).toBe(0);
  });
});

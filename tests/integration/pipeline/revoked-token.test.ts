import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptToken } from "@/lib/crypto/token-cipher";
import { primary } from "@/lib/db";
import { publishAccount } from "@/lib/instagram/account-directory";
import { redis } from "@/lib/redis";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { TEST_ENV } from "../../helpers/test-env";
import { connectAccount, createAutomation, graphEnv, mailDir, readMails, seedWorkspace, sleep, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const IG_A = "17841400000000301";
const IG_B = "17841400000000302";

describe("a revoked token (190) pauses only that account", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc;
  let tenantId: string;
  let accountA: string;
  let tokenA: string;
  const mail = mailDir();

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("revoked")).id;
    const a = await connectAccount(sim, tenantId, IG_A, "shop_a");
    const b = await connectAccount(sim, tenantId, IG_B, "shop_b");
    accountA = a.row.id;
    tokenA = a.token;
    for (const acc of [a.row.id, b.row.id]) {
      await createAutomation(tenantId, acc, "Info", {
        trigger: { type: "comment", posts: { mode: "any" } },
        actions: [{ type: "private_reply", message: { text: "Here you go, {{username}}", trackLinks: false } }],
      });
    }
    worker = await startWorker({ ...graphEnv(sim), MAIL_TRANSPORT: `file://${mail}` });
  });

  afterAll(async () => {
    await Promise.all([stop(worker), stop(ingest)]);
    await sim?.close();
    rmSync(mail, { recursive: true, force: true });
  });

  it("parks A's send, emails the owner, keeps B sending, and sends A's reply once after reconnecting", async () => {
    sim.admin.setTokenState(tokenA, "revoked");
    const onA = sim.admin.act({ type: "comment", accountId: IG_A, username: "fiona", text: "info" });
    const onB = sim.admin.act({ type: "comment", accountId: IG_B, username: "gus", text: "info" });

    await waitFor(() => sim.state.sends.count({ commentId: onB.commentId, kind: "private_reply" }) === 1, { what: "B's reply" });
    const account = await waitFor(async () => {
      const r = await primary().instagramAccount.findUniqueOrThrow({ where: { id: accountA } });
      return r.status === "reconnect_required" && r;
    }, { what: "A reconnect_required" });
    expect([account.lastErrorCode, account.lastErrorSubcode]).toEqual([190, 460]);
    const mails = await waitFor(() => readMails(mail).length > 0 && readMails(mail), { what: "email" });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain("Subject: Reconnect @shop_a to keep Replyflow replying");
    expect(mails[0]).toContain("To: owner-revoked@example.com");

    // More work for A while it is disconnected: parked too, nothing burns attempts or fails.
    const later = sim.admin.act({ type: "comment", accountId: IG_A, username: "hana", text: "info" });
    await waitFor(() => primary().outboundMessage.findFirst({ where: { tenantId, commentId: later.commentId } }), { what: "second row on A" });
    await sleep(3_000);
    const parked = await primary().outboundMessage.findMany({ where: { tenantId, accountId: accountA } });
    expect(parked.map((r) => r.status)).toEqual(["queued", "queued"]);
    // The first send tried once and hit the dead token — unless the subscription check found it first.
    expect(parked[0]!.attempts).toBeLessThanOrEqual(1);
    expect(parked[1]!.attempts).toBe(0);
    expect(sim.state.sends.count({ account: IG_A })).toBe(0);
    expect(readMails(mail)).toHaveLength(1); // one email, however many sends hit the dead token

    // The owner reconnects: a new token, the account active again. The sweep wakes the parked sends.
    const fresh = sim.admin.issueToken(IG_A);
    const row = await primary().instagramAccount.update({
      where: { id: accountA },
      data: { status: "active", accessTokenCiphertext: encryptToken(TEST_ENV.TOKEN_ENCRYPTION_KEYS!, fresh.token) },
    });
    await publishAccount(redis(), { igUserId: IG_A, tenantId, id: row.id, status: "active" });

    await waitFor(() => sim.state.sends.count({ account: IG_A, kind: "private_reply" }) === 2, { what: "A's parked replies", timeoutMs: 20_000 });
    await sleep(2_500);
    expect(sim.state.sends.count({ commentId: onA.commentId, kind: "private_reply" })).toBe(1);
    expect(sim.state.sends.count({ commentId: later.commentId, kind: "private_reply" })).toBe(1);
    expect(sim.state.sends.count({ commentId: onB.commentId, kind: "private_reply" })).toBe(1);
    const rows = await primary().outboundMessage.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });
});

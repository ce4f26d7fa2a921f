import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { longTokens, startSimulatorForApp } from "./helpers/sim";

// The simulator must be up before anything parses the environment (GRAPH_* points at it).
const sim = await startSimulatorForApp();

const { primary } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { createLogger } = await import("@/lib/logger");
const { queue } = await import("@/lib/queue/queues");
const { decryptToken, encryptToken } = await import("@/lib/crypto/token-cipher");
const { WEBHOOK_FIELDS } = await import("@/lib/instagram/connect/connect-config");
const { checkSubscriptionsSweep, refreshTokensSweep, rotateTokenKeysJob } = await import("@/lib/instagram/connect/jobs");
const { decryptAccountToken } = await import("@/lib/instagram/connect/decrypt-account-token");
const { graph } = await import("@/lib/instagram/graph");
const { useTestDatabase } = await import("../../helpers/isolation");
const { buildTenant, roomyPlan } = await import("../api/helpers/world");
const { connectThroughSimulator } = await import("./helpers/connect-flow");
const { drainMaintenance } = await import("./helpers/maintenance");

type Tenant = Awaited<ReturnType<typeof buildTenant>>;
const DAY = 86_400_000;
const log = createLogger({ level: "silent" });

let A: Tenant;

beforeAll(async () => {
  await useTestDatabase();
  A = await buildTenant("Alpha", await roomyPlan());
});
beforeEach(async () => {
  await primary().instagramAccount.deleteMany({});
  await queue("maintenance").obliterate({ force: true });
});
afterAll(() => sim.close());

/** A new simulated account, connected to workspace A through OAuth; returns its row. */
async function connectNew(username: string) {
  const { account } = sim.admin.createAccount({ username });
  sim.admin.setConfig({ oauthAccountId: account.id });
  const done = await connectThroughSimulator(sim, A.tenant.id, A.members.owner);
  if (!done.location?.includes("connected=")) throw new Error(`connect failed: ${done.location}`);
  return primary().instagramAccount.findUniqueOrThrow({ where: { igUserId: account.id } });
}
const reload = (id: string) => primary().instagramAccount.findUniqueOrThrow({ where: { id } });
const tokenOf = (row: { accessTokenCiphertext: string | null }) => decryptToken(env().TOKEN_ENCRYPTION_KEYS, row.accessTokenCiphertext!);

/** Pretends the row's token was issued `days` ago, as the simulator's clock (moved forward) also believes. */
async function ageInDb(id: string, days: number) {
  const row = await reload(id);
  await primary().instagramAccount.update({
    where: { id },
    data: { tokenIssuedAt: new Date(row.tokenIssuedAt!.getTime() - days * DAY), tokenExpiresAt: new Date(row.tokenExpiresAt!.getTime() - days * DAY) },
  });
}

describe("token refresh job", () => {
  it("refreshes only tokens ≥ 24 h old expiring within 10 days; expired or revoked ones make the account reconnect_required", async () => {
    const due = await connectNew("due_for_refresh");
    const fresh = await connectNew("fresh_token");
    const farOff = await connectNew("forty_days_left");
    const expired = await connectNew("expired_token");
    const revoked = await connectNew("revoked_token");
    // Time passes: 52 days for the simulator's tokens; the rows say the same for those we age.
    sim.admin.advanceClock(52 * DAY);
    await ageInDb(due.id, 52);
    await ageInDb(farOff.id, 20);
    await ageInDb(expired.id, 61);
    await ageInDb(revoked.id, 52);
    for (const t of sim.admin.tokens(revoked.igUserId)) sim.admin.setTokenState(t.token, "password_changed");
    const before = new Map((await primary().instagramAccount.findMany()).map((r) => [r.id, r]));

    await refreshTokensSweep.enqueue({});
    const ran = await drainMaintenance(log);
    const refreshed = ran.filter((r) => r.name === "instagram.refresh-token").map((r) => (r.data as { accountId: string }).accountId);
    expect(refreshed.sort()).toEqual([due.id, expired.id, revoked.id].sort());

    const d = await reload(due.id);
    expect(d.status).toBe("active");
    expect(tokenOf(d)).not.toBe(tokenOf(before.get(due.id)!));
    expect(longTokens(sim, due.igUserId).at(-1)).toBe(tokenOf(d));
    expect(d.tokenExpiresAt!.getTime() - d.tokenIssuedAt!.getTime()).toBe(60 * DAY);
    expect(d.tokenIssuedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    for (const id of [fresh.id, farOff.id]) expect(await reload(id)).toMatchObject({ status: "active", accessTokenCiphertext: before.get(id)!.accessTokenCiphertext });
    expect(await reload(expired.id)).toMatchObject({ status: "reconnect_required", lastErrorCode: 190, lastErrorSubcode: 463 });
    expect(await reload(revoked.id)).toMatchObject({ status: "reconnect_required", lastErrorCode: 190, lastErrorSubcode: 460 });
    const audits = await primary().auditLog.findMany({ where: { action: "instagram_account.reconnect_required" } });
    expect(audits.map((a) => a.targetId).sort()).toEqual([expired.id, revoked.id].sort());
    // The owners hear about it through the notifications queue.
    const notices = await queue("notifications").getJobs(["waiting", "delayed", "prioritized"]);
    expect(notices.map((j) => (j.data as { accountId: string }).accountId).sort()).toEqual([expired.id, revoked.id].sort());
  });
});

describe("webhook subscription re-check", () => {
  it("subscribes again when Instagram lost fields, and leaves complete subscriptions alone", async () => {
    const broken = await connectNew("lost_fields");
    const fine = await connectNew("all_fields");
    sim.admin.updateAccount(broken.igUserId, { subscribedFields: ["comments"] });

    await checkSubscriptionsSweep.enqueue({});
    const ran = await drainMaintenance(log);
    const results = ran.filter((r) => r.name === "instagram.check-subscription");
    expect(results).toHaveLength(2);
    const byAccount = Object.fromEntries(results.map((r) => [(r.data as { accountId: string }).accountId, r.result]));
    expect(byAccount[broken.id]).toMatchObject({ outcome: "resubscribed", missing: expect.arrayContaining(["messages", "messaging_postbacks"]) });
    expect(byAccount[fine.id]).toMatchObject({ outcome: "ok", missing: [] });
    expect(sim.admin.account(broken.igUserId).subscribedFields.sort()).toEqual([...WEBHOOK_FIELDS].sort());
    expect((await reload(broken.id)).subscribedFields).toEqual([...WEBHOOK_FIELDS]);
  });
});

describe("encryption key rotation", () => {
  it("re-encrypts every token under the new current key; the old key can then be removed", async () => {
    const one = await connectNew("rotate_one");
    const two = await connectNew("rotate_two");
    const plain = new Map([one, two].map((r) => [r.id, tokenOf(r)]));
    const original = env().TOKEN_ENCRYPTION_KEYS;
    const newKey = `t2:${randomBytes(32).toString("base64")}`;
    try {
      // Deploy 1: the new key is current, the old one still decrypts.
      env().TOKEN_ENCRYPTION_KEYS = `${newKey},${original}`;
      await rotateTokenKeysJob.enqueue({});
      const [run] = await drainMaintenance(log);
      expect(run!.result).toMatchObject({ rotated: 2, failed: 0, currentKeyId: "t2" });
      for (const id of plain.keys()) {
        const row = await reload(id);
        expect(row.tokenKeyId).toBe("t2");
        expect(row.accessTokenCiphertext!.startsWith("v1.t2.")).toBe(true);
      }
      // Deploy 2: the old key is gone; every token still reads, and still works at Instagram.
      env().TOKEN_ENCRYPTION_KEYS = newKey;
      for (const [id, token] of plain) {
        const row = await reload(id);
        expect(decryptAccountToken(row)).toBe(token);
        await expect(graph().me(decryptAccountToken(row)!)).resolves.toMatchObject({ userId: row.igUserId });
      }
      // A second run has nothing left to do.
      await rotateTokenKeysJob.enqueue({}, { jobId: "rotate-again" });
      expect((await drainMaintenance(log))[0]!.result).toMatchObject({ rotated: 0, failed: 0 });
    } finally {
      env().TOKEN_ENCRYPTION_KEYS = original;
    }
  });

  it("a token under a key already removed is counted as failed and left alone", async () => {
    const row = await connectNew("orphaned_key");
    const lost = encryptToken(`gone:${randomBytes(32).toString("base64")}`, "some-token-under-a-lost-key");
    await primary().instagramAccount.update({ where: { id: row.id }, data: { accessTokenCiphertext: lost, tokenKeyId: "gone" } });
    await rotateTokenKeysJob.enqueue({});
    const [run] = await drainMaintenance(log);
    expect(run!.result).toMatchObject({ rotated: 0, failed: 1 });
    expect((await reload(row.id)).accessTokenCiphertext).toBe(lost);
  });
});

describe("schedules", () => {
  it("every worker boot upserts one scheduler per Instagram maintenance job, idempotently", async () => {
    const { scheduleInstagramMaintenance } = await import("@/lib/instagram/connect/schedule-instagram-maintenance");
    await scheduleInstagramMaintenance();
    await scheduleInstagramMaintenance();
    const schedulers = await queue("maintenance").getJobSchedulers();
    const byName = Object.fromEntries(schedulers.map((s) => [s.name, Number(s.every)]));
    expect(byName).toMatchObject({
      "instagram.refresh-tokens": 6 * 3_600_000,
      "instagram.check-subscriptions": 12 * 3_600_000,
      "instagram.rotate-token-keys": 24 * 3_600_000,
      "instagram.data-deletion-sweep": 15 * 60_000,
    });
    expect(schedulers.filter((s) => s.name.startsWith("instagram."))).toHaveLength(4);
    // Each scheduled payload is one its processor accepts.
    const handlers = (await import("@/worker/processors/registry")).buildProcessors({ eventsConcurrency: 1, outboundConcurrency: 1 }).maintenance.handlers;
    for (const name of Object.keys(byName).filter((n) => n.startsWith("instagram."))) expect(handlers[name], name).toBeTypeOf("function");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulatorForApp } from "./helpers/sim";

// The simulator must be up before anything parses the environment (GRAPH_* points at it).
const sim = await startSimulatorForApp();

const { primary } = await import("@/lib/db");
const { Prisma } = await import("@/lib/generated/prisma/client");
const { env } = await import("@/lib/env");
const { createLogger } = await import("@/lib/logger");
const { key, redis } = await import("@/lib/redis");
const { queue } = await import("@/lib/queue/queues");
const { buildSignedRequest } = await import("@/lib/simulator");
const accountRoute = await import("@/app/api/v1/accounts/[accountId]/route");
const deauthorizeRoute = await import("@/app/api/instagram/deauthorize/route");
const dataDeletionRoute = await import("@/app/api/instagram/data-deletion/route");
const { getDataDeletionStatus } = await import("@/lib/instagram/connect/get-data-deletion-status");
const { useTestDatabase } = await import("../../helpers/isolation");
const { call } = await import("../api/helpers/http");
const { buildTenant, roomyPlan } = await import("../api/helpers/world");
const { connectThroughSimulator } = await import("./helpers/connect-flow");
const { drainMaintenance } = await import("./helpers/maintenance");
const { serveRoutes } = await import("./helpers/route-server");

type Tenant = Awaited<ReturnType<typeof buildTenant>>;
const IG = sim.testAccount!.id;
const log = createLogger({ level: "silent" });
const noParams = { params: Promise.resolve({}) };

let A: Tenant;
let B: Tenant;
let meta: Awaited<ReturnType<typeof serveRoutes>>;

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
  meta = await serveRoutes({
    "/api/instagram/deauthorize": (r) => deauthorizeRoute.POST(r, noParams),
    "/api/instagram/data-deletion": (r) => dataDeletionRoute.POST(r, noParams),
  });
});
beforeEach(async () => {
  await primary().instagramAccount.deleteMany({});
  await queue("maintenance").obliterate({ force: true });
  sim.admin.setConfig({ oauthAccountId: null });
});
afterAll(async () => {
  await meta.close();
  await sim.close();
});

/** Connects the simulator's test account (or `accountId`) to the workspace; returns the row. */
async function connect(t: Tenant, accountId = IG) {
  sim.admin.setConfig({ oauthAccountId: accountId === IG ? null : accountId });
  const done = await connectThroughSimulator(sim, t.tenant.id, t.members.owner);
  if (!done.location?.includes("connected=")) throw new Error(`connect failed: ${done.location} ${done.text}`);
  return primary().instagramAccount.findUniqueOrThrow({ where: { igUserId: accountId } });
}

const directory = async (igUserId: string) => JSON.parse((await redis().hget(key("ig", "directory"), igUserId)) ?? "null");

/** A signed_request as Meta builds it, but signed with a secret that is not ours. */
function forged(userId: string) {
  const now = Math.floor(Date.now() / 1000);
  return buildSignedRequest("not-the-instagram-app-secret", { algorithm: "HMAC-SHA256", issued_at: now, expires: now + 3600, user_id: userId });
}
const postForm = (path: string, signedRequest: string | null) =>
  fetch(`${meta.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: signedRequest === null ? "" : new URLSearchParams({ signed_request: signedRequest }).toString(),
  });

/** People, their runs and messages, and stored webhook payloads for one account. */
async function seedPeople(tenantId: string, accountId: string, n: number) {
  const automation = await primary().automation.create({
    data: { tenantId, accountId, name: "Price", triggerType: "comment", trigger: {}, conditions: {}, actions: [] },
  });
  for (let i = 0; i < n; i++) {
    const contact = await primary().contact.create({ data: { tenantId, accountId, igsid: `${accountId}-p${i}`, username: `person_${i}`, tags: [] } });
    const event = await primary().webhookEvent.create({
      data: { tenantId, accountId, dedupeKey: `c:${accountId}-${i}`, kind: "comment", senderId: contact.igsid, occurredAt: new Date(), payload: { text: `PRICE from person_${i}` } },
    });
    const run = await primary().automationRun.create({
      data: { tenantId, accountId, webhookEventId: event.id, automationId: automation.id, contactId: contact.id, eventKind: "comment", outcome: "matched", reason: "keyword" },
    });
    await primary().outboundMessage.create({
      data: { tenantId, accountId, automationId: automation.id, runId: run.id, webhookEventId: event.id, actionIndex: 0, contactId: contact.id, kind: "dm", recipientIgsid: contact.igsid, content: { text: `Hi person_${i}` }, status: "sent" },
    });
  }
  return automation;
}

describe("disconnecting", () => {
  it("DELETE /api/v1/accounts/{id} disconnects: token wiped, webhooks unsubscribed, directory and audit updated", async () => {
    const row = await connect(A);
    expect(sim.admin.account(IG).subscribedFields.length).toBeGreaterThan(0);

    const res = await call(accountRoute, "DELETE", { path: `/api/v1/accounts/${row.id}`, params: { accountId: row.id }, headers: { cookie: A.members.admin.cookie, "x-workspace": A.tenant.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: row.id, status: "disconnected", webhookFields: [], token: { expiresAt: null } });
    const after = await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "disconnected", accessTokenCiphertext: null, tokenKeyId: null });
    expect(after.disconnectedAt).toBeInstanceOf(Date);
    expect(sim.admin.account(IG).subscribedFields).toEqual([]);
    expect(await directory(IG)).toMatchObject({ status: "disconnected", accountId: row.id });
    expect(await primary().auditLog.findFirst({ where: { targetId: row.id, action: "instagram_account.disconnected" } })).toMatchObject({ actorUserId: A.members.admin.user.id });

    // Idempotent, and an editor may not.
    const again = await call(accountRoute, "DELETE", { path: `/api/v1/accounts/${row.id}`, params: { accountId: row.id }, headers: { cookie: A.members.owner.cookie, "x-workspace": A.tenant.id } });
    expect(again.status).toBe(200);
    const editor = await call(accountRoute, "DELETE", { path: `/api/v1/accounts/${row.id}`, params: { accountId: row.id }, headers: { cookie: A.members.editor.cookie, "x-workspace": A.tenant.id } });
    expect(editor.status).toBe(403);
  });

  it("a member of another workspace gets 404 and the account stays connected", async () => {
    const row = await connect(A);
    const res = await call(accountRoute, "DELETE", { path: `/api/v1/accounts/${row.id}`, params: { accountId: row.id }, headers: { cookie: B.members.owner.cookie, "x-workspace": B.tenant.id } });
    expect(res.status).toBe(404);
    expect((await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("active");
  });

  it("disconnecting succeeds even when Instagram already revoked the token", async () => {
    const row = await connect(A);
    for (const t of sim.admin.tokens(IG)) sim.admin.setTokenState(t.token, "revoked");
    const res = await call(accountRoute, "DELETE", { path: `/api/v1/accounts/${row.id}`, params: { accountId: row.id }, headers: { cookie: A.members.owner.cookie, "x-workspace": A.tenant.id } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("disconnected");
  });
});

describe("Meta's deauthorize callback", () => {
  it("the simulator's signed deauthorize disconnects the account", async () => {
    const row = await connect(A);
    const result = await sim.admin.deauthorize(IG, `${meta.url}/api/instagram/deauthorize`);
    expect(result.status).toBe(200);
    const after = await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "disconnected", accessTokenCiphertext: null });
    expect(await directory(IG)).toMatchObject({ status: "disconnected" });
    const audit = await primary().auditLog.findFirst({ where: { targetId: row.id, action: "instagram_account.deauthorized" } });
    expect(audit).toMatchObject({ actorUserId: null, actorApiKeyId: null });
  });

  it("a forged, unsigned or empty deauthorize is a 400 problem and changes nothing", async () => {
    const row = await connect(A);
    const appScoped = row.appScopedUserId!;
    const tampered = (() => {
      const [sig] = forged(appScoped).split(".");
      const good = buildSignedRequest(process.env.INSTAGRAM_APP_SECRET!, { algorithm: "HMAC-SHA256", issued_at: Math.floor(Date.now() / 1000), expires: 0, user_id: "someone-else" });
      return `${sig}.${good.split(".")[1]}`;
    })();
    for (const body of [forged(appScoped), tampered, `${appScoped}`, null]) {
      const res = await postForm("/api/instagram/deauthorize", body);
      expect(res.status, String(body)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).code).toBe("bad_request");
    }
    expect((await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("active");
  });

  it("a deauthorize signed before the account's latest connection is ignored (it reconnected since)", async () => {
    const row = await connect(A);
    const before = Math.floor(row.connectedAt.getTime() / 1000) - 3600;
    const stale = buildSignedRequest(process.env.INSTAGRAM_APP_SECRET!, { algorithm: "HMAC-SHA256", issued_at: before, expires: before + 3600, user_id: row.appScopedUserId! });
    expect((await postForm("/api/instagram/deauthorize", stale)).status).toBe(200);
    expect((await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("active");
  });

  it("a signature made with META_APP_SECRET is accepted only when that secret is configured", async () => {
    const row = await connect(A);
    const now = Math.floor(Date.now() / 1000);
    const metaSecret = "the-meta-app-secret-for-facebook-login";
    const signed = buildSignedRequest(metaSecret, { algorithm: "HMAC-SHA256", issued_at: now + 5, expires: 0, user_id: row.appScopedUserId! });
    expect((await postForm("/api/instagram/deauthorize", signed)).status).toBe(400);
    env().META_APP_SECRET = metaSecret;
    try {
      expect((await postForm("/api/instagram/deauthorize", signed)).status).toBe(200);
    } finally {
      env().META_APP_SECRET = undefined;
    }
    expect((await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("disconnected");
  });
});

describe("Meta's data-deletion callback", () => {
  it("answers {url, confirmation_code}, disconnects, erases the account's people, and the status page follows", async () => {
    const row = await connect(A);
    const { account: otherIg } = sim.admin.createAccount({ username: "bystander" });
    const other = await connect(B, otherIg.id);
    await seedPeople(A.tenant.id, row.id, 3);
    await seedPeople(B.tenant.id, other.id, 2);

    const result = await sim.admin.requestDataDeletion(IG, `${meta.url}/api/instagram/data-deletion`);
    expect(result.status).toBe(200);
    const answer = result.json as { url: string; confirmation_code: string };
    expect(answer.confirmation_code).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(answer.url).toBe(`${env().APP_URL}/data-deletion/${answer.confirmation_code}`);

    const request = await primary().dataDeletionRequest.findUniqueOrThrow({ where: { confirmationCode: answer.confirmation_code } });
    expect(request).toMatchObject({ status: "pending", igUserId: row.appScopedUserId, tenantId: A.tenant.id, accountId: row.id });
    expect(await getDataDeletionStatus(answer.confirmation_code)).toMatchObject({ status: "pending" });
    expect((await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("disconnected");

    const ran = await drainMaintenance(log);
    expect(ran.map((r) => r.name)).toEqual(["instagram.erase-account-data"]);

    expect(await primary().contact.count({ where: { accountId: row.id } })).toBe(0);
    expect(await primary().automationRun.count({ where: { accountId: row.id } })).toBe(0);
    expect(await primary().outboundMessage.count({ where: { accountId: row.id } })).toBe(0);
    const events = await primary().webhookEvent.findMany({ where: { accountId: row.id } });
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ payload: null, senderId: "" });
    // The business's own setup stays; the other workspace's people are untouched.
    expect(await primary().automation.count({ where: { accountId: row.id } })).toBe(1);
    expect(await primary().contact.count({ where: { accountId: other.id } })).toBe(2);
    expect(await primary().webhookEvent.count({ where: { accountId: other.id, payload: { not: Prisma.DbNull }, senderId: { not: "" } } })).toBe(2);

    expect(await getDataDeletionStatus(answer.confirmation_code)).toMatchObject({ status: "completed" });
    expect(await primary().dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "completed", contactsErased: 3 });
  });

  it("a request for someone Replyflow never knew is recorded as completed", async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = buildSignedRequest(process.env.INSTAGRAM_APP_SECRET!, { algorithm: "HMAC-SHA256", issued_at: now, expires: 0, user_id: "99999999999" });
    const res = await postForm("/api/instagram/data-deletion", signed);
    expect(res.status).toBe(200);
    const { confirmation_code } = (await res.json()) as { confirmation_code: string };
    expect(await getDataDeletionStatus(confirmation_code)).toMatchObject({ status: "completed" });
    expect(await queue("maintenance").count()).toBe(0);
  });

  it("a forged data-deletion request is a 400 problem: nothing recorded, nothing erased", async () => {
    const row = await connect(A);
    await seedPeople(A.tenant.id, row.id, 2);
    const requestsBefore = await primary().dataDeletionRequest.count();
    const res = await postForm("/api/instagram/data-deletion", forged(row.appScopedUserId!));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await primary().dataDeletionRequest.count()).toBe(requestsBefore);
    expect(await primary().contact.count({ where: { accountId: row.id } })).toBe(2);
    expect((await primary().instagramAccount.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("active");
    expect(await queue("maintenance").count()).toBe(0);
  });

  it("a request whose erasure was never enqueued is picked up by the sweep", async () => {
    const row = await connect(A);
    await seedPeople(A.tenant.id, row.id, 2);
    const result = await sim.admin.requestDataDeletion(IG, `${meta.url}/api/instagram/data-deletion`);
    const code = (result.json as { confirmation_code: string }).confirmation_code;
    // As if Redis had been down: the job is gone, the request is old enough for the sweep.
    await queue("maintenance").obliterate({ force: true });
    await primary().dataDeletionRequest.update({ where: { confirmationCode: code }, data: { requestedAt: new Date(Date.now() - 10 * 60_000) } });

    const { dataDeletionSweep } = await import("@/lib/instagram/connect/jobs");
    await dataDeletionSweep.enqueue({});
    const ran = await drainMaintenance(log);
    expect(ran.map((r) => r.name)).toEqual(["instagram.data-deletion-sweep", "instagram.erase-account-data"]);
    expect(await primary().contact.count({ where: { accountId: row.id } })).toBe(0);
    expect(await getDataDeletionStatus(code)).toMatchObject({ status: "completed" });
  });
});

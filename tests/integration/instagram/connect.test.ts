import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulatorForApp, longTokens } from "./helpers/sim";

// The simulator must be up before anything parses the environment (GRAPH_* points at it).
const sim = await startSimulatorForApp();

const { primary } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { createLogger, setRootLogger } = await import("@/lib/logger");
const { key, redis } = await import("@/lib/redis");
const { decryptToken } = await import("@/lib/crypto/token-cipher");
const { queue } = await import("@/lib/queue/queues");
const { outboundJobId } = await import("@/lib/pipeline/jobs/send-outbound-job");
const { parkingKeys } = await import("@/lib/pipeline/outbound/parking-keys");
const { createOAuthState } = await import("@/lib/instagram/oauth-state");
const { WEBHOOK_FIELDS } = await import("@/lib/instagram/connect/connect-config");
const accountsRoute = await import("@/app/api/v1/accounts/route");
const accountRoute = await import("@/app/api/v1/accounts/[accountId]/route");
const { useTestDatabase } = await import("../../helpers/isolation");
const { call } = await import("../api/helpers/http");
const { buildTenant, createUser, roomyPlan, sessionCookieFor } = await import("../api/helpers/world");
const { authorize, callback, connectThroughSimulator, startConnect } = await import("./helpers/connect-flow");

type Tenant = Awaited<ReturnType<typeof buildTenant>>;
const IG = sim.testAccount!.id;

/** Everything any logger wrote during the file, to prove no token or code ever reaches a log. */
const logLines: string[] = [];
setRootLogger(createLogger({ level: "trace", destination: { write: (line: string) => void logLines.push(line) } }));

let A: Tenant;
let B: Tenant;

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
});
beforeEach(async () => {
  sim.admin.setConfig({ oauthResponseShape: "wrapped", oauthAccountId: null });
  await primary().instagramAccount.deleteMany({});
});
afterAll(async () => {
  setRootLogger(undefined);
  await sim.close();
});

const accountRow = () => primary().instagramAccount.findUnique({ where: { igUserId: IG } });

describe("connecting an Instagram account through Instagram Login (against the simulator)", () => {
  it.each(["wrapped", "flat"] as const)("an owner connects the account (%s code exchange): active, token encrypted, webhooks subscribed", async (shape) => {
    sim.admin.setConfig({ oauthResponseShape: shape });
    const done = await connectThroughSimulator(sim, A.tenant.id, A.members.owner);

    expect(done.status).toBe(303);
    expect(done.location).toBe(`/w/${A.tenant.slug}/accounts?connected=${sim.testAccount!.username}`);
    const row = (await accountRow())!;
    expect(row).toMatchObject({ tenantId: A.tenant.id, status: "active", username: sim.testAccount!.username, tokenKeyId: "t1" });
    // The professional id from /me, not the app-scoped id of the code exchange.
    expect(row.igUserId).toBe(IG);
    expect(row.appScopedUserId).toBe(sim.admin.account(IG).appScopedId);
    expect(row.appScopedUserId).not.toBe(IG);
    const token = decryptToken(env().TOKEN_ENCRYPTION_KEYS, row.accessTokenCiphertext!);
    expect(longTokens(sim, IG)).toContain(token);
    expect(row.accessTokenCiphertext).not.toContain(token);
    expect(row.tokenExpiresAt!.getTime() - row.tokenIssuedAt!.getTime()).toBe(60 * 86_400_000);
    expect(row.grantedScopes!.split(",").sort()).toEqual(["instagram_business_basic", "instagram_business_manage_comments", "instagram_business_manage_messages"]);
    expect(sim.admin.account(IG).subscribedFields.sort()).toEqual([...WEBHOOK_FIELDS].sort());
    expect(row.subscribedFields).toEqual([...WEBHOOK_FIELDS]);

    // Ingest routes the account's events from now on.
    expect(JSON.parse((await redis().hget(key("ig", "directory"), IG))!)).toEqual({ tenantId: A.tenant.id, accountId: row.id, status: "active" });
    const audit = await primary().auditLog.findFirst({ where: { tenantId: A.tenant.id, targetId: row.id } });
    expect(audit).toMatchObject({ action: "instagram_account.connected", actorUserId: A.members.owner.user.id });
  });

  it("a code that arrives with Instagram's trailing #_ still works", async () => {
    const started = await startConnect(A.tenant.id, A.members.admin);
    const location = new URL(await authorize(started.body.url));
    location.searchParams.set("code", `${location.searchParams.get("code")}#_`);
    const done = await callback(location.toString(), A.members.admin.cookie);
    expect(done.location).toContain("connected=");
    expect((await accountRow())?.status).toBe("active");
  });

  it("the API lists the account with status, expiry and webhook fields, never the token", async () => {
    await connectThroughSimulator(sim, A.tenant.id, A.members.owner);
    const row = (await accountRow())!;
    const token = decryptToken(env().TOKEN_ENCRYPTION_KEYS, row.accessTokenCiphertext!);
    const list = await call(accountsRoute, "GET", { path: "/api/v1/accounts", headers: { cookie: A.members.viewer.cookie, "x-workspace": A.tenant.id } });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({
      id: row.id,
      igUserId: IG,
      status: "active",
      token: { expiresAt: row.tokenExpiresAt!.toISOString() },
      webhookFields: [...WEBHOOK_FIELDS],
      lastWebhookAt: null,
      limits: { sendPerSecond: 100, privateRepliesPerHour: 750 },
    });
    const one = await call(accountRoute, "GET", { path: `/api/v1/accounts/${row.id}`, params: { accountId: row.id }, headers: { authorization: A.keys.full.auth } });
    expect(one.status).toBe(200);
    for (const text of [list.text, one.text]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(row.accessTokenCiphertext!);
      expect(text).not.toMatch(/ciphertext|accessToken/i);
    }
    // Another workspace cannot see it.
    const other = await call(accountRoute, "GET", { path: `/api/v1/accounts/${row.id}`, params: { accountId: row.id }, headers: { authorization: B.keys.full.auth } });
    expect(other.status).toBe(404);
  });

  it("only owners and admins may start a connection; API keys never", async () => {
    for (const role of ["owner", "admin"] as const) {
      const res = await startConnect(A.tenant.id, A.members[role]);
      expect(res.status).toBe(200);
      const url = new URL(res.body.url);
      expect(url.origin).toBe(sim.url);
      expect(url.pathname).toBe("/oauth/authorize");
      expect(url.searchParams.get("redirect_uri")).toBe(`${env().APP_URL}/api/instagram/callback`);
      expect(url.searchParams.get("scope")).toBe("instagram_business_basic,instagram_business_manage_messages,instagram_business_manage_comments");
    }
    for (const role of ["editor", "viewer"] as const) expect((await startConnect(A.tenant.id, A.members[role])).status).toBe(403);
    const keyed = await call(await import("@/app/api/v1/accounts/connect/route"), "POST", { path: "/api/v1/accounts/connect", headers: { authorization: A.keys.full.auth } });
    expect(keyed.status).toBe(403);
    expect(keyed.body.code).toBe("insufficient_scope");
  });

  it("reconnecting in the same workspace updates the token in place and turns reconnect_required back to active", async () => {
    await connectThroughSimulator(sim, A.tenant.id, A.members.owner);
    const before = (await accountRow())!;
    await primary().instagramAccount.update({ where: { id: before.id }, data: { status: "reconnect_required", lastErrorCode: 190, lastErrorSubcode: 460 } });
    // A send the outbound pipeline parked while the token was dead.
    const parked = await queue("outbound").add("parked-send", {}, { jobId: outboundJobId("9001"), delay: 3_600_000 });
    await redis().sadd(parkingKeys.account(before.id), "9001");

    const done = await connectThroughSimulator(sim, A.tenant.id, A.members.admin);
    expect(done.location).toContain("connected=");
    const after = (await accountRow())!;
    expect(after.id).toBe(before.id);
    expect(after).toMatchObject({ status: "active", lastErrorCode: null, lastErrorSubcode: null });
    const [oldToken, newToken] = [before, after].map((r) => decryptToken(env().TOKEN_ENCRYPTION_KEYS, r.accessTokenCiphertext!));
    expect(newToken).not.toBe(oldToken);
    expect(longTokens(sim, IG).at(-1)).toBe(newToken);
    expect(JSON.parse((await redis().hget(key("ig", "directory"), IG))!).status).toBe("active");
    const audit = await primary().auditLog.findFirst({ where: { targetId: before.id, action: "instagram_account.reconnected" } });
    expect(audit?.metadata).toMatchObject({ previousStatus: "reconnect_required" });
    expect(await (await queue("outbound").getJob(parked.id!))!.isDelayed()).toBe(false);
    await queue("outbound").obliterate({ force: true });
  });

  it("the same Instagram account in a second workspace is refused with account_in_other_workspace, and the first keeps it", async () => {
    await connectThroughSimulator(sim, A.tenant.id, A.members.owner);
    const before = (await accountRow())!;
    const done = await connectThroughSimulator(sim, B.tenant.id, B.members.owner);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/w/${B.tenant.slug}/accounts?error=account_in_other_workspace`);
    const after = (await accountRow())!;
    expect(after).toMatchObject({ tenantId: A.tenant.id, id: before.id, accessTokenCiphertext: before.accessTokenCiphertext });
    expect(await primary().instagramAccount.count({ where: { tenantId: B.tenant.id } })).toBe(0);
  });

  it("declining on Instagram brings the member back with a clear error and changes nothing", async () => {
    sim.admin.setConfig({ oauthDeny: true });
    try {
      const done = await connectThroughSimulator(sim, A.tenant.id, A.members.owner);
      expect(done.location).toBe(`/w/${A.tenant.slug}/accounts?error=denied`);
      expect(await accountRow()).toBeNull();
    } finally {
      sim.admin.setConfig({ oauthDeny: false });
    }
  });

  it("an account that withheld a permission is refused with instagram_permissions_missing", async () => {
    const { account } = sim.admin.createAccount({ username: "partial_grant", grantScopes: ["instagram_business_basic", "instagram_business_manage_comments"] });
    sim.admin.setConfig({ oauthAccountId: account.id });
    const done = await connectThroughSimulator(sim, A.tenant.id, A.members.owner);
    expect(done.location).toBe(`/w/${A.tenant.slug}/accounts?error=instagram_permissions_missing`);
    expect(await primary().instagramAccount.count({ where: { igUserId: account.id } })).toBe(0);
  });

  it("the plan's account limit is enforced for new accounts but never blocks a reconnect", async () => {
    const solo = await primary().plan.create({
      data: { key: `solo${Date.now()}`, name: "Solo", monthlyDmLimit: 10, monthlyReplyLimit: 10, accountLimit: 1, memberLimit: 10, automationLimit: 10, retentionDays: 7 },
    });
    const C = await buildTenant("Charlie", solo.id);
    await connectThroughSimulator(sim, C.tenant.id, C.members.owner);
    await primary().instagramAccount.update({ where: { igUserId: IG }, data: { status: "reconnect_required" } });
    expect((await connectThroughSimulator(sim, C.tenant.id, C.members.owner)).location).toContain("connected=");

    const { account } = sim.admin.createAccount({ username: "second_account" });
    sim.admin.setConfig({ oauthAccountId: account.id });
    const done = await connectThroughSimulator(sim, C.tenant.id, C.members.owner);
    expect(done.location).toBe(`/w/${C.tenant.slug}/accounts?error=plan_limit_reached`);
    expect(await primary().instagramAccount.count({ where: { tenantId: C.tenant.id } })).toBe(1);
  });
});

describe("the OAuth state protects the callback", () => {
  const nothingConnected = async () => expect(await primary().instagramAccount.count()).toBe(0);

  it("a tampered state is refused before any code exchange", async () => {
    const started = await startConnect(A.tenant.id, A.members.owner);
    const location = new URL(await authorize(started.body.url));
    const [payload, sig] = location.searchParams.get("state")!.split(".") as [string, string];
    const forged = JSON.parse(Buffer.from(payload, "base64url").toString());
    forged.tenantId = B.tenant.id;
    location.searchParams.set("state", `${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${sig}`);
    const tokensBefore = sim.admin.tokens(IG).length;

    const done = await callback(location.toString(), A.members.owner.cookie);
    expect(done.status).toBe(400);
    expect(done.text).toContain("not valid");
    expect(sim.admin.tokens(IG)).toHaveLength(tokensBefore);
    await nothingConnected();
  });

  it("an expired state is refused", async () => {
    const started = await startConnect(A.tenant.id, A.members.owner);
    const location = new URL(await authorize(started.body.url));
    const old = createOAuthState(env().AUTH_SECRET, { tenantId: A.tenant.id, userId: A.members.owner.user.id }, { now: () => Date.now() - 11 * 60_000 });
    location.searchParams.set("state", old.state);
    const done = await callback(location.toString(), A.members.owner.cookie);
    expect(done.status).toBe(410);
    expect(done.text).toContain("expired");
    await nothingConnected();
  });

  it("a state is single-use: replaying the callback URL is refused", async () => {
    const started = await startConnect(A.tenant.id, A.members.owner);
    const location = await authorize(started.body.url);
    expect((await callback(location, A.members.owner.cookie)).status).toBe(303);
    const id = (await accountRow())!.id;
    const tokenBefore = (await accountRow())!.accessTokenCiphertext;

    const replay = await callback(location, A.members.owner.cookie);
    expect(replay.status).toBe(409);
    expect(replay.text).toContain("already used");
    expect((await accountRow())!).toMatchObject({ id, accessTokenCiphertext: tokenBefore });
  });

  it("the callback only works in the session of the member who started it (a forwarded link attaches nothing)", async () => {
    const started = await startConnect(A.tenant.id, A.members.owner);
    const location = await authorize(started.body.url);
    const stranger = await createUser();
    expect((await callback(location, await sessionCookieFor(stranger.id))).status).toBe(403);
    expect((await callback(location, A.members.admin.cookie)).status).toBe(403);
    expect((await callback(location)).status).toBe(403);
    await nothingConnected();
    // The refusals did not burn the state: its owner can still finish.
    expect((await callback(location, A.members.owner.cookie)).status).toBe(303);
  });

  it("a member demoted between start and callback cannot finish", async () => {
    const started = await startConnect(A.tenant.id, A.members.admin);
    const location = await authorize(started.body.url);
    await primary().membership.update({ where: { id: A.members.admin.memberId }, data: { role: "viewer" } });
    try {
      const done = await callback(location, A.members.admin.cookie);
      expect(done.location).toBe(`/w/${A.tenant.slug}/accounts?error=forbidden`);
      await nothingConnected();
    } finally {
      await primary().membership.update({ where: { id: A.members.admin.memberId }, data: { role: "admin" } });
    }
  });
});

describe("secrets stay out of logs", () => {
  it("no log line of this file holds an access token, an OAuth code or a ciphertext", async () => {
    await connectThroughSimulator(sim, A.tenant.id, A.members.owner);
    const row = (await accountRow())!;
    const secrets = [...sim.admin.tokens(IG).map((t) => t.token), row.accessTokenCiphertext!];
    expect(logLines.length).toBeGreaterThan(5);
    const all = logLines.join("\n");
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/[?&]code=/);
  });
});

import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appsecretProof, type Simulator } from "@/lib/simulator";
import { call, DAY, dm, graphError, HOUR, startSim } from "./helpers";

const REDIRECT = "http://localhost:3000/api/instagram/callback";
const APP_ID = "1000000000000001";
const SECRET = "sim-instagram-app-secret";
const SCOPES = "instagram_business_basic,instagram_business_manage_messages,instagram_business_manage_comments";

let sim: Simulator;
beforeEach(async () => {
  sim = await startSim({ redirectUris: [REDIRECT] });
});
afterEach(() => sim.close());

async function authorize(params: Record<string, string> = {}) {
  const q = new URLSearchParams({ client_id: APP_ID, redirect_uri: REDIRECT, response_type: "code", scope: SCOPES, state: "csrf-123", ...params });
  return call(sim, "GET", `/oauth/authorize?${q}`);
}

async function code(scope = SCOPES): Promise<string> {
  const res = await authorize({ scope });
  expect(res.status).toBe(302);
  const location = new URL((res.headers.get("location") as string).replace(/#_$/, ""));
  return location.searchParams.get("code") as string;
}

function exchange(c: string, overrides: Record<string, string> = {}) {
  return call(sim, "POST", "/oauth/access_token", {
    form: { client_id: APP_ID, client_secret: SECRET, grant_type: "authorization_code", redirect_uri: REDIRECT, code: c, ...overrides },
  });
}

async function shortToken(): Promise<{ token: string; userId: string }> {
  const res = await exchange(await code());
  expect(res.status).toBe(200);
  return { token: res.body.data[0].access_token, userId: res.body.data[0].user_id };
}

function longLived(token: string, secret = SECRET) {
  return call(sim, "GET", `/access_token?${new URLSearchParams({ grant_type: "ig_exchange_token", client_secret: secret, access_token: token })}`);
}

function refresh(token: string) {
  return call(sim, "GET", `/refresh_access_token?${new URLSearchParams({ grant_type: "ig_refresh_token", access_token: token })}`);
}

/** fetch() may not set Host; node:http can, to play graph.facebook.com. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("authorize", () => {
  it("auto-consents and redirects to redirect_uri with code and state, ending in #_", async () => {
    const res = await authorize();
    const location = res.headers.get("location") as string;
    expect(location.startsWith(`${REDIRECT}?code=`)).toBe(true);
    expect(location).toContain("state=csrf-123");
    expect(location.endsWith("#_")).toBe(true);
  });

  it("rejects an unknown client_id and any redirect_uri that is not an exact configured match", async () => {
    expect((await authorize({ client_id: "999" })).body).toMatchObject({ error_type: "OAuthException", code: 400, error_message: "Invalid platform app" });
    expect((await authorize({ redirect_uri: `${REDIRECT}/` })).body.error_message).toBe("Invalid redirect_uri");
    expect((await authorize({ scope: "instagram_business_basic,pages_messaging" })).status).toBe(400);
  });

  it("reports a denied consent when the admin switch says so", async () => {
    sim.admin.setConfig({ oauthDeny: true });
    const location = (await authorize()).headers.get("location") as string;
    expect(location).toContain("error=access_denied");
    expect(location).not.toContain("code=");
  });
});

describe("code exchange", () => {
  it("returns the wrapped shape with an app-scoped user_id and the granted permissions", async () => {
    const res = await exchange(await code("instagram_business_basic,instagram_business_manage_messages"));
    expect(res.status).toBe(200);
    const data = res.body.data[0];
    expect(data.permissions).toBe("instagram_business_basic,instagram_business_manage_messages");
    expect(data.user_id).not.toBe(sim.testAccount?.id);
    expect(data.access_token).toMatch(/^IG/);
  });

  it("returns the flat shape when switched", async () => {
    sim.admin.setConfig({ oauthResponseShape: "flat" });
    const res = await exchange(await code());
    expect(res.body.access_token).toBeTypeOf("string");
    expect(res.body.data).toBeUndefined();
  });

  it("accepts a code once; reuse fails", async () => {
    const c = await code();
    expect((await exchange(c)).status).toBe(200);
    const again = await exchange(c);
    expect(again.status).toBe(400);
    expect(again.body.error_message).toBe("This authorization code has been used");
  });

  it("rejects a code older than one hour, and in Graph style when switched", async () => {
    const c = await code();
    sim.admin.advanceClock(HOUR + 1);
    expect((await exchange(c)).body.error_message).toBe("This authorization code has expired");
    sim.admin.setConfig({ oauthErrorStyle: "graph" });
    const c2 = await code();
    sim.admin.advanceClock(HOUR + 1);
    expect(graphError(await exchange(c2))).toMatchObject({ code: 100, error_subcode: 36007 });
  });

  it("takes form fields only, checks the secret and the redirect_uri used at authorize", async () => {
    const c = await code();
    const json = await call(sim, "POST", "/oauth/access_token", { json: { client_id: APP_ID, client_secret: SECRET, grant_type: "authorization_code", redirect_uri: REDIRECT, code: c } });
    expect(json.body.error_message).toBe("Missing required field client_id");
    expect((await exchange(c, { client_secret: "wrong-secret" })).body.error_message).toBe("Error validating client secret.");
    expect((await exchange(c, { redirect_uri: "http://localhost:3000/other" })).body.error_message).toMatch(/redirect_uri is identical/);
    expect((await exchange(c)).status).toBe(200);
  });

  it("grants only the scopes the account agrees to, and the token is limited to them", async () => {
    const testId = sim.testAccount?.id as string;
    sim.admin.updateAccount(testId, { grantScopes: ["instagram_business_basic"] });
    const res = await exchange(await code());
    expect(res.body.data[0].permissions).toBe("instagram_business_basic");
    const user = sim.admin.act({ type: "dm", accountId: testId, text: "hi" });
    expect(graphError(await dm(sim, res.body.data[0].access_token, user.userId)).code).toBe(10);
  });
});

describe("long-lived tokens and refresh", () => {
  it("exchanges a short-lived token for a 60-day bearer token, only with the right secret", async () => {
    const { token } = await shortToken();
    expect(graphError(await longLived(token, "wrong-secret-x"))).toMatchObject({ code: 101 });
    const res = await longLived(token);
    expect(res.body).toMatchObject({ token_type: "bearer", expires_in: 5_184_000 });
    expect(graphError(await longLived(res.body.access_token)).code).toBe(100);
  });

  it("refreshes only a token at least 24 h old and unexpired, leaving the old one valid", async () => {
    const long = (await longLived((await shortToken()).token)).body.access_token as string;
    expect(graphError(await refresh(long))).toMatchObject({ code: 100 });
    sim.admin.advanceClock(DAY);
    const refreshed = await refresh(long);
    expect(refreshed.body).toMatchObject({ token_type: "bearer", expires_in: 5_184_000 });
    expect(refreshed.body.access_token).not.toBe(long);
    expect((await call(sim, "GET", "/v25.0/me", { token: long })).status).toBe(200);
    sim.admin.advanceClock(59 * DAY + 12 * HOUR);
    expect(graphError(await refresh(long))).toMatchObject({ code: 190, error_subcode: 463 });
    expect((await call(sim, "GET", "/v25.0/me", { token: refreshed.body.access_token })).status).toBe(200);
  });

  it("expires a short-lived token after one hour", async () => {
    const { token } = await shortToken();
    sim.admin.advanceClock(HOUR);
    expect(graphError(await call(sim, "GET", "/v25.0/me", { token }))).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it("/me returns the professional id as user_id, distinct from the app-scoped id", async () => {
    const { token, userId } = await shortToken();
    const me = await call(sim, "GET", "/v25.0/me?fields=user_id,username,name,account_type,profile_picture_url", { token });
    expect(me.body).toMatchObject({ user_id: sim.testAccount?.id, username: "replyflow_demo", account_type: "BUSINESS", id: userId });
    expect(me.body.id).not.toBe(me.body.user_id);
    expect(graphError(await call(sim, "GET", "/v25.0/me?fields=user_id,email", { token }))).toMatchObject({ code: 100 });
  });
});

describe("token checks", () => {
  it("maps token states to 190 subcodes and accepts the token as header or parameter", async () => {
    const t = sim.testAccount?.token as string;
    expect((await call(sim, "GET", `/v25.0/me?access_token=${t}`)).status).toBe(200);
    expect(graphError(await call(sim, "GET", "/v25.0/me"))).toMatchObject({ code: 2500 });
    expect(graphError(await call(sim, "GET", "/v25.0/me", { token: "IGAAnot-a-real-token-at-all" }))).toMatchObject({ code: 190 });
    const cases = [
      ["password_changed", 460],
      ["revoked", 460],
      ["invalidated", 467],
      ["deauthorized", 458],
      ["expired", 463],
    ] as const;
    for (const [state, subcode] of cases) {
      const token = sim.admin.issueToken(sim.testAccount?.id as string).token;
      sim.admin.setTokenState(token, state);
      expect(graphError(await call(sim, "GET", "/v25.0/me", { token }))).toMatchObject({ code: 190, error_subcode: subcode });
    }
  });

  it("enforces appsecret_proof when configured and always checks one that is sent", async () => {
    const t = sim.testAccount?.token as string;
    expect(graphError(await call(sim, "GET", "/v25.0/me?appsecret_proof=deadbeef", { token: t })).message).toMatch(/appsecret_proof/);
    sim.admin.setConfig({ requireAppsecretProof: true });
    expect(graphError(await call(sim, "GET", "/v25.0/me", { token: t })).message).toBe("API calls from the server require an appsecret_proof argument");
    expect((await call(sim, "GET", `/v25.0/me?appsecret_proof=${appsecretProof(SECRET, t)}`, { token: t })).status).toBe(200);
  });

  it("rejects an Instagram token sent to graph.facebook.com and an unsupported version", async () => {
    const t = sim.testAccount?.token as string;
    const fb = await rawGet(`${sim.url}/v25.0/me`, { host: "graph.facebook.com", authorization: `Bearer ${t}` });
    expect(fb.status).toBe(400);
    expect(JSON.parse(fb.body).error.code).toBe(190);
    expect(graphError(await call(sim, "GET", "/v99.0/me", { token: t }))).toMatchObject({ code: 12 });
    expect((await call(sim, "GET", "/me", { token: t })).status).toBe(200);
  });
});

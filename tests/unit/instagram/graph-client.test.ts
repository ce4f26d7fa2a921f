import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGraphClient, type GraphClientConfig } from "@/lib/instagram/graph-client";
import { GraphApiError, GraphNetworkError, GraphTimeoutError } from "@/lib/instagram/graph-errors";

const APP_SECRET = "instagram-app-secret-for-tests";
const TOKEN = "IGAAtesttoken123";
const IG = "17841400000000001";

type Seen = { method: string; url: URL; headers: http.IncomingHttpHeaders; body: string; remotePort?: number };
type Reply = (res: http.ServerResponse, seen: Seen) => void;

let server: http.Server;
let base: string;
let seen: Seen[] = [];
let reply: Reply = (res) => json(res, 200, {});
const held: http.ServerResponse[] = [];

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const s: Seen = { method: req.method!, url: new URL(req.url!, "http://x"), headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), remotePort: req.socket.remotePort };
      seen.push(s);
      reply(res, s);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  seen = [];
  reply = (res) => json(res, 200, {});
  for (const res of held.splice(0)) res.destroy();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(over: Partial<GraphClientConfig> = {}) {
  return createGraphClient({
    graphBaseUrl: `${base}/graph`,
    oauthBaseUrl: `${base}/api`,
    authorizeBaseUrl: `${base}/www`,
    apiVersion: "v25.0",
    appId: "1234567890",
    appSecret: APP_SECRET,
    timeoutMs: 2_000,
    requireAppsecretProof: true,
    ...over,
  });
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("graph client: normal calls", () => {
  it("sendMessage: Bearer header, correct appsecret_proof, token never in the URL, usage parsed", async () => {
    const buc = JSON.stringify({ [IG]: [{ type: "instagram", call_count: 12, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: 0 }] });
    reply = (res) => json(res, 200, { recipient_id: "6543210987654321", message_id: "mid.abc" }, { "x-business-use-case-usage": buc, "x-app-usage": '{"call_count":7,"total_cputime":1,"total_time":2}' });
    const body = { recipient: { id: "6543210987654321" }, message: { text: "Here is the price" } };
    const out = await client().sendMessage(TOKEN, IG, body);

    expect(out).toMatchObject({ recipientId: "6543210987654321", messageId: "mid.abc" });
    expect(out.usage.buc?.percent).toBe(12);
    expect(out.usage.app?.percent).toBe(7);
    const s = seen[0]!;
    expect(s.method).toBe("POST");
    expect(s.url.pathname).toBe(`/graph/v25.0/${IG}/messages`);
    expect(s.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(s.url.searchParams.get("appsecret_proof")).toBe(createHmac("sha256", APP_SECRET).update(TOKEN).digest("hex"));
    expect(s.url.searchParams.has("access_token")).toBe(false);
    expect(s.url.toString()).not.toContain(TOKEN);
    expect(s.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(s.body)).toEqual(body);
  });

  it("private reply by comment_id; no appsecret_proof when not required", async () => {
    reply = (res) => json(res, 200, { recipient_id: "555", message_id: "mid.x" });
    await client({ requireAppsecretProof: false }).sendMessage(TOKEN, IG, { recipient: { comment_id: "17890000000000001" }, message: { text: "Check your DMs" } });
    expect(JSON.parse(seen[0]!.body).recipient).toEqual({ comment_id: "17890000000000001" });
    expect(seen[0]!.url.searchParams.has("appsecret_proof")).toBe(false);
  });

  it("reuses the connection between calls (keep-alive)", async () => {
    reply = (res) => json(res, 200, { user_id: IG, username: "brand" });
    const c = client();
    for (let i = 0; i < 6; i++) await c.me(TOKEN);
    // undici may open a second socket while the first is being released, but never one per call.
    expect(new Set(seen.map((s) => s.remotePort)).size).toBeLessThanOrEqual(2);
  });

  it("refuses to build a path from an empty or odd id, before any request", async () => {
    await expect(client().sendMessage(TOKEN, "", { recipient: { id: "1" }, message: { text: "x" } })).rejects.toThrow(RangeError);
    await expect(client().replyToComment(TOKEN, "../me", "x")).rejects.toThrow(RangeError);
    expect(seen).toEqual([]);
  });

  it("authorizeUrl carries client id, redirect, comma-separated scopes and state", () => {
    const url = new URL(client().authorizeUrl({ redirectUri: "https://app.test/cb", state: "s.t", scopes: ["instagram_business_basic", "instagram_business_manage_messages"] }));
    expect(url.pathname).toBe("/www/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "1234567890",
      redirect_uri: "https://app.test/cb",
      response_type: "code",
      scope: "instagram_business_basic,instagram_business_manage_messages",
      state: "s.t",
    });
  });

  it("exchangeCode: form POST, strips #_, flat response with an exact big user_id", async () => {
    reply = (res) => json(res, 200, '{"access_token":"short-tok","user_id":17841400000000001,"permissions":"instagram_business_basic,instagram_business_manage_comments"}');
    const out = await client().exchangeCode({ code: "AQBxyz#_", redirectUri: "https://app.test/cb" });
    expect(out).toMatchObject({ accessToken: "short-tok", userId: "17841400000000001", permissions: ["instagram_business_basic", "instagram_business_manage_comments"] });
    const s = seen[0]!;
    expect([s.method, s.url.pathname, s.headers["content-type"]]).toEqual(["POST", "/api/oauth/access_token", "application/x-www-form-urlencoded"]);
    expect(Object.fromEntries(new URLSearchParams(s.body))).toEqual({
      client_id: "1234567890",
      client_secret: APP_SECRET,
      grant_type: "authorization_code",
      redirect_uri: "https://app.test/cb",
      code: "AQBxyz",
    });
  });

  it("exchangeCode: the documented data[]-wrapped response", async () => {
    reply = (res) => json(res, 200, { data: [{ access_token: "tok2", user_id: "17841400000000002", permissions: ["instagram_business_basic"] }] });
    expect(await client().exchangeCode({ code: "c", redirectUri: "https://app.test/cb" })).toMatchObject({ accessToken: "tok2", userId: "17841400000000002", permissions: ["instagram_business_basic"] });
  });

  it("exchangeLongLived and refreshToken hit the unversioned token endpoints", async () => {
    reply = (res) => json(res, 200, { access_token: "long-tok", token_type: "bearer", expires_in: 5183944 });
    const c = client();
    expect(await c.exchangeLongLived("short-tok")).toMatchObject({ accessToken: "long-tok", tokenType: "bearer", expiresIn: 5183944 });
    expect(await c.refreshToken("long-tok")).toMatchObject({ accessToken: "long-tok", expiresIn: 5183944 });
    expect(seen[0]!.url.pathname).toBe("/graph/access_token");
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual({ grant_type: "ig_exchange_token", client_secret: APP_SECRET, access_token: "short-tok" });
    expect(seen[1]!.url.pathname).toBe("/graph/refresh_access_token");
    expect(Object.fromEntries(seen[1]!.url.searchParams)).toEqual({ grant_type: "ig_refresh_token", access_token: "long-tok" });
  });

  it("me returns the professional account id (user_id), not the app-scoped id", async () => {
    reply = (res) => json(res, 200, { id: "999", user_id: IG, username: "brand", account_type: "BUSINESS" });
    expect(await client().me(TOKEN)).toMatchObject({ userId: IG, id: "999", username: "brand", accountType: "BUSINESS" });
    expect(seen[0]!.url.searchParams.get("fields")).toBe("user_id,username,name,profile_picture_url,account_type");
  });

  it("subscribeApp and getSubscribedApps", async () => {
    reply = (res, s) => (s.method === "POST" ? json(res, 200, { success: true }) : json(res, 200, { data: [{ id: "1234567890", subscribed_fields: ["comments", "messages"] }, { id: "other-app", subscribed_fields: ["mentions"] }] }));
    const c = client();
    expect((await c.subscribeApp(TOKEN, IG, ["comments", "messages"])).success).toBe(true);
    expect(seen[0]!.url.searchParams.get("subscribed_fields")).toBe("comments,messages");
    expect((await c.getSubscribedApps(TOKEN, IG)).subscribedFields).toEqual(["comments", "messages"]);
  });

  it("comment moderation and reads", async () => {
    reply = (res, s) => {
      if (s.url.pathname.endsWith("/replies")) return json(res, 200, { id: "17890000000000099" });
      if (s.method === "GET") return json(res, 200, { id: "17890000000000001", text: "hi", timestamp: "2026-01-02T03:04:05+0000", hidden: false, from: { id: "1", username: "u" } });
      return json(res, 200, { success: true });
    };
    const c = client();
    expect((await c.replyToComment(TOKEN, "17890000000000001", "Thanks!")).id).toBe("17890000000000099");
    expect(JSON.parse(seen[0]!.body)).toEqual({ message: "Thanks!" });
    expect((await c.hideComment(TOKEN, "17890000000000001", true)).success).toBe(true);
    expect([seen[1]!.method, seen[1]!.url.pathname, JSON.parse(seen[1]!.body)]).toEqual(["POST", "/graph/v25.0/17890000000000001", { hide: true }]);
    expect((await c.deleteComment(TOKEN, "17890000000000001")).success).toBe(true);
    expect(seen[2]!.method).toBe("DELETE");
    const { comment } = await c.getComment(TOKEN, "17890000000000001", ["id", "text", "timestamp"]);
    expect(comment).toMatchObject({ id: "17890000000000001", timestamp: "2026-01-02T03:04:05+0000" });
    expect(seen[3]!.url.searchParams.get("fields")).toBe("id,text,timestamp");
  });

  it("setIceBreakers posts the documented shape and validates the count locally", async () => {
    reply = (res) => json(res, 200, { result: "success" });
    const c = client();
    expect((await c.setIceBreakers(TOKEN, IG, [{ question: "Prices?", payload: "PRICES" }])).success).toBe(true);
    expect(JSON.parse(seen[0]!.body)).toEqual({ platform: "instagram", ice_breakers: [{ call_to_actions: [{ question: "Prices?", payload: "PRICES" }], locale: "default" }] });
    const five = Array.from({ length: 5 }, (_, i) => ({ question: `q${i}`, payload: `p${i}` }));
    await expect(c.setIceBreakers(TOKEN, IG, five)).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });
});

describe("graph client: failures", () => {
  it("Meta's envelope becomes a classified GraphApiError, whatever the message language", async () => {
    reply = (res) =>
      json(res, 400, { error: { message: "Diese Nachricht wurde außerhalb des Zeitfensters gesendet.", type: "OAuthException", code: 10, error_subcode: 2534022, fbtrace_id: "Ab1" } }, { "x-app-usage": '{"call_count":1,"total_cputime":1,"total_time":1}' });
    const err = await rejection(client().sendMessage(TOKEN, IG, { recipient: { id: "1" }, message: { text: "x" } }));
    expect(err).toBeInstanceOf(GraphApiError);
    const e = err as GraphApiError;
    expect([e.classification.class, e.code, e.subcode, e.httpStatus, e.fbtraceId]).toEqual(["window", 10, 2534022, 400, "Ab1"]);
    expect(e.usage.app?.callCount).toBe(1);
    expect(e.message).not.toContain(TOKEN);
  });

  it.each([
    [500, { code: 1, message: "x", is_transient: true }, "transient"],
    [500, { code: 1, error_subcode: 1357046, message: "Received invalid JSON reply" }, "ambiguous"],
    [400, { code: 190, error_subcode: 463, message: "expired" }, "auth"],
    [400, { code: 80002, message: "too many calls" }, "throttled"],
    [400, { code: 230, message: "User consent is required to access user profile" }, "permanent"],
  ])("HTTP %s %j → %s", async (status, error, cls) => {
    reply = (res) => json(res, status, { error });
    const err = (await rejection(client().getUserProfile(TOKEN, "6543210987654321"))) as GraphApiError;
    expect(err.classification.class).toBe(cls);
  });

  it("an error envelope inside a 200 is still an error", async () => {
    reply = (res) => json(res, 200, { error: { code: 551, message: "unavailable" } });
    const err = (await rejection(client().sendMessage(TOKEN, IG, { recipient: { id: "1" }, message: { text: "x" } }))) as GraphApiError;
    expect(err.classification.class).toBe("recipient");
  });

  it("an unreadable 2xx is ambiguous for a send and transient for a read", async () => {
    reply = (res) => json(res, 200, "<html>oops");
    const send = (await rejection(client().sendMessage(TOKEN, IG, { recipient: { id: "1" }, message: { text: "x" } }))) as GraphApiError;
    expect(send.classification.class).toBe("ambiguous");
    const read = (await rejection(client().me(TOKEN))) as GraphApiError;
    expect(read.classification.class).toBe("transient");
  });

  it("a non-JSON 502 from a proxy is transient", async () => {
    reply = (res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<h1>Bad gateway</h1>");
    };
    const err = (await rejection(client().me(TOKEN))) as GraphApiError;
    expect([err.classification.class, err.httpStatus, err.code]).toEqual(["transient", 502, undefined]);
  });

  it("timeout → GraphTimeoutError: ambiguous for a send, transient for a read", async () => {
    reply = (res) => void held.push(res); // never answers
    const c = client({ timeoutMs: 150 });
    const send = await rejection(c.sendMessage(TOKEN, IG, { recipient: { id: "1" }, message: { text: "x" } }));
    expect(send).toBeInstanceOf(GraphTimeoutError);
    expect((send as GraphTimeoutError).classification.class).toBe("ambiguous");
    const read = await rejection(c.me(TOKEN));
    expect((read as GraphTimeoutError).classification.class).toBe("transient");
  });

  it("connection refused → GraphNetworkError before_send, safe to retry even for a send", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const c = client({ graphBaseUrl: `http://127.0.0.1:${port}` });
    const err = (await rejection(c.sendMessage(TOKEN, IG, { recipient: { id: "1" }, message: { text: "x" } }))) as GraphNetworkError;
    expect(err).toBeInstanceOf(GraphNetworkError);
    expect([err.phase, err.causeCode, err.classification.class]).toEqual(["before_send", "ECONNREFUSED", "transient"]);
  });

  it("connection reset after the request was sent → ambiguous for a send", async () => {
    reply = (res) => res.socket?.destroy();
    const err = (await rejection(client().sendMessage(TOKEN, IG, { recipient: { id: "1" }, message: { text: "x" } }))) as GraphNetworkError;
    expect(err).toBeInstanceOf(GraphNetworkError);
    expect(err.phase).toBe("after_send");
    expect(err.classification.class).toBe("ambiguous");
    expect(seen).toHaveLength(1); // the server did receive it: exactly why it is ambiguous
  });

  it("uses an injected fetch", async () => {
    const calls: string[] = [];
    const fetchImpl: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ user_id: IG }), { status: 200, headers: { "content-type": "application/json" } });
    };
    expect((await client({ fetchImpl }).me(TOKEN)).userId).toBe(IG);
    expect(calls[0]).toContain("/graph/v25.0/me?");
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/lib/simulator";
import { call, graphError, startSim } from "./helpers";

let sim: Simulator;
let account: string;
let token: string;
beforeEach(async () => {
  sim = await startSim();
  account = sim.testAccount?.id as string;
  token = sim.testAccount?.token as string;
});
afterEach(() => sim.close());

const PROFILE_FIELDS = "name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user";

describe("user profile consent", () => {
  it("answers 230 for someone who only commented, and the profile once they DM", async () => {
    const { userId } = sim.admin.act({ type: "comment", accountId: account, username: "kenji.tanaka", text: "nice" });
    sim.admin.updateUser(userId, { followsBusiness: true, name: "Kenji" });
    const before = await call(sim, "GET", `/v25.0/${userId}?fields=${PROFILE_FIELDS}`, { token });
    expect(graphError(before)).toMatchObject({ code: 230, message: "User consent is required to access user profile" });
    sim.admin.act({ type: "dm", accountId: account, userId, text: "hi" });
    const after = await call(sim, "GET", `/v25.0/${userId}?fields=${PROFILE_FIELDS}`, { token });
    expect(after.body).toMatchObject({ id: userId, username: "kenji.tanaka", name: "Kenji", is_user_follow_business: true, is_business_follow_user: false });
  });

  it("counts an ice-breaker postback as consent, but not a referral", async () => {
    const tapped = sim.admin.act({ type: "postback", accountId: account, title: "Prices?", payload: "PRICES" });
    expect((await call(sim, "GET", `/v25.0/${tapped.userId}?fields=username`, { token })).status).toBe(200);
    const referred = sim.admin.act({ type: "referral", accountId: account, ref: "bio" });
    expect(graphError(await call(sim, "GET", `/v25.0/${referred.userId}?fields=username`, { token })).code).toBe(230);
  });
});

describe("subscribed_apps", () => {
  it("keeps per-account field state; one bad field fails the whole call", async () => {
    expect((await call(sim, "GET", "/v25.0/me/subscribed_apps", { token })).body).toEqual({ data: [] });
    expect((await call(sim, "POST", "/v25.0/me/subscribed_apps?subscribed_fields=comments,messages", { token })).body).toEqual({ success: true });
    const listed = await call(sim, "GET", `/v25.0/${account}/subscribed_apps`, { token });
    expect(listed.body.data[0].subscribed_fields).toEqual(["comments", "messages"]);
    const bad = await call(sim, "POST", "/v25.0/me/subscribed_apps?subscribed_fields=comments,feed", { token });
    expect(graphError(bad).code).toBe(100);
    expect(graphError(bad).message).toContain('got "feed"');
    expect((await call(sim, "GET", "/v25.0/me/subscribed_apps", { token })).body.data[0].subscribed_fields).toEqual(["comments", "messages"]);
    expect(graphError(await call(sim, "POST", "/v25.0/me/subscribed_apps", { token })).message).toMatch(/subscribed_fields is required/);
    await call(sim, "DELETE", "/v25.0/me/subscribed_apps", { token });
    expect((await call(sim, "GET", "/v25.0/me/subscribed_apps", { token })).body).toEqual({ data: [] });
  });

  it("refuses another account's node", async () => {
    const other = sim.admin.createAccount().account.id;
    expect(graphError(await call(sim, "POST", `/v25.0/${other}/subscribed_apps?subscribed_fields=comments`, { token }))).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

describe("messenger_profile", () => {
  const ask = (n: number) => Array.from({ length: n }, (_, i) => ({ question: `Question ${i}?`, payload: `Q${i}` }));

  it("stores ice breakers (at most 4, default locale required) and the persistent menu", async () => {
    const post = (body: unknown) => call(sim, "POST", "/v25.0/me/messenger_profile", { token, json: body });
    expect(graphError(await post({ platform: "instagram", ice_breakers: [{ locale: "default", call_to_actions: ask(5) }] })).code).toBe(100);
    expect(graphError(await post({ platform: "instagram", ice_breakers: [{ locale: "en_US", call_to_actions: ask(2) }] })).message).toMatch(/default/);
    expect((await post({ platform: "instagram", ice_breakers: [{ locale: "default", call_to_actions: ask(4) }] })).body).toEqual({ result: "success" });
    const menu = [{ locale: "default", call_to_actions: [{ type: "postback", title: "Prices", payload: "PRICES" }, { type: "web_url", title: "Shop", url: "https://shop.example.com" }] }];
    expect((await post({ platform: "instagram", persistent_menu: menu })).status).toBe(200);
    const read = await call(sim, "GET", "/v25.0/me/messenger_profile?fields=ice_breakers,persistent_menu&platform=instagram", { token });
    expect(read.body.data[0].ice_breakers[0].call_to_actions).toHaveLength(4);
    expect(read.body.data[0].persistent_menu[0].call_to_actions[1].url).toBe("https://shop.example.com");
    await call(sim, "DELETE", "/v25.0/me/messenger_profile", { token, json: { fields: ["ice_breakers"] } });
    const after = await call(sim, "GET", "/v25.0/me/messenger_profile?fields=ice_breakers,persistent_menu", { token });
    expect(after.body.data[0]).not.toHaveProperty("ice_breakers");
    expect(after.body.data[0]).toHaveProperty("persistent_menu");
  });
});

describe("conversations", () => {
  it("lists threads and reads messages, story mentions included", async () => {
    const { userId, mid } = sim.admin.act({ type: "dm", accountId: account, storyMention: { id: "story-1", url: "https://cdn.example.com/story.jpg" } });
    const list = await call(sim, "GET", `/v25.0/me/conversations?platform=instagram&user_id=${userId}`, { token });
    expect(list.body.data).toHaveLength(1);
    const thread = await call(sim, "GET", `/v25.0/${list.body.data[0].id}?fields=messages,participants`, { token });
    expect(thread.body.messages.data[0].id).toBe(mid);
    // The Conversations API allows 2 calls/s per account: a third call in the same second is a 613.
    expect(graphError(await call(sim, "GET", `/v25.0/${mid}?fields=id`, { token })).code).toBe(613);
    sim.admin.advanceClock(1_000);
    const message = await call(sim, "GET", `/v25.0/${mid}?fields=id,from,story`, { token });
    expect(message.body).toMatchObject({ id: mid, from: { id: userId }, story: { mention: { id: "story-1", link: "https://cdn.example.com/story.jpg" } } });
  });
});

import { describe, expect, it } from "vitest";
import { OAuthStateError, createOAuthState, verifyOAuthState } from "@/lib/instagram/oauth-state";

const SECRET = "server-secret-at-least-32-characters!!";
const NOW = 1_760_000_000_000;
const who = { tenantId: "tn_1", userId: "us_1" };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(OAuthStateError);
    return (err as OAuthStateError).code;
  }
  return undefined;
}

describe("oauth state", () => {
  it("round-trips tenant, user, nonce and expiry; URL-safe", () => {
    const { state, payload } = createOAuthState(SECRET, who, { now: () => NOW, ttlMs: 600_000 });
    expect(state).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(payload).toMatchObject({ ...who, exp: NOW / 1000 + 600 });
    expect(verifyOAuthState(SECRET, state, { now: () => NOW + 1000 })).toEqual(payload);
  });

  it("every state gets a fresh nonce", () => {
    const a = createOAuthState(SECRET, who, { now: () => NOW });
    const b = createOAuthState(SECRET, who, { now: () => NOW });
    expect(a.payload.nonce).not.toBe(b.payload.nonce);
    expect(a.state).not.toBe(b.state);
  });

  it("rejects an expired state", () => {
    const { state } = createOAuthState(SECRET, who, { now: () => NOW, ttlMs: 60_000 });
    expect(code(() => verifyOAuthState(SECRET, state, { now: () => NOW + 61_000 }))).toBe("expired");
  });

  it("rejects a tampered payload, a tampered signature and a wrong secret", () => {
    const { state } = createOAuthState(SECRET, who, { now: () => NOW });
    const [payloadPart, sig] = state.split(".") as [string, string];
    const json = JSON.parse(Buffer.from(payloadPart, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...json, tenantId: "tn_other" })).toString("base64url");
    expect(code(() => verifyOAuthState(SECRET, `${forged}.${sig}`, { now: () => NOW }))).toBe("bad_signature");
    const flipped = sig.slice(0, -2) + (sig.endsWith("AA") ? "BB" : "AA");
    expect(code(() => verifyOAuthState(SECRET, `${payloadPart}.${flipped}`, { now: () => NOW }))).toBe("bad_signature");
    expect(code(() => verifyOAuthState("another-secret-of-enough-length!!", state, { now: () => NOW }))).toBe("bad_signature");
  });

  it("accepts states signed with a previous secret during rotation", () => {
    const { state } = createOAuthState("old-secret-xxxxxxxxxxxxxxxxxxxxxxxx", who, { now: () => NOW });
    expect(verifyOAuthState([SECRET, "old-secret-xxxxxxxxxxxxxxxxxxxxxxxx"], state, { now: () => NOW }).tenantId).toBe("tn_1");
  });

  it.each([[""], ["abc"], ["a.b.c"], ["a.b"], ["!!.??"], ["x".repeat(2_000)]])("rejects malformed state %#", (state) => {
    expect(["malformed", "bad_signature"]).toContain(code(() => verifyOAuthState(SECRET, state, { now: () => NOW })));
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { applyTestEnv } from "../../../helpers/test-env";

applyTestEnv();
const { createOAuthState } = await import("@/lib/instagram/oauth-state");
const { verifyConnectState } = await import("@/lib/instagram/connect/verify-connect-state");
const SECRET = process.env.AUTH_SECRET!;
const who = { tenantId: "tn_1", userId: "us_1" };

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error("expected a failure");
}

describe("verifyConnectState", () => {
  let state: string;
  beforeAll(() => {
    state = createOAuthState(SECRET, who).state;
  });

  it("accepts a state signed with AUTH_SECRET and returns who started the flow", () => {
    expect(verifyConnectState(state)).toMatchObject(who);
  });

  it("an expired state is a 410 gone, telling the person to start again", () => {
    const old = createOAuthState(SECRET, who, { now: () => Date.now() - 11 * 60_000 }).state;
    const err = failure(() => verifyConnectState(old));
    expect(err.code).toBe("gone");
    expect(err.status).toBe(410);
    expect(err.message).toMatch(/expired.*start again/i);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["signed with another secret", createOAuthState("some-other-secret-of-32-characters!!", who).state],
    ["payload swapped", `${Buffer.from(JSON.stringify({ ...who, tenantId: "tn_2", nonce: "n".repeat(22), exp: 9e9 })).toString("base64url")}.${"A".repeat(43)}`],
    ["no signature", "eyJ0ZW5hbnRJZCI6InRuXzEifQ"],
  ])("a %s state is a 400 bad_request that says nothing about why", (_name, value) => {
    const err = failure(() => verifyConnectState(value));
    expect(err.code).toBe("bad_request");
    expect(err.message).toBe("This connection link is not valid. Start again from the accounts page.");
  });
});

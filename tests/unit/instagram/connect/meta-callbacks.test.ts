import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { buildSignedRequest } from "@/lib/simulator";
import { isCrossSite, needsCsrfCheck, ownOrigins } from "@/lib/security/csrf";
import { applyTestEnv } from "../../../helpers/test-env";

applyTestEnv();
const { env } = await import("@/lib/env");
const { verifyMetaSignedRequest } = await import("@/lib/instagram/connect/verify-meta-signed-request");
const { readSignedRequestForm } = await import("@/lib/instagram/connect/read-signed-request-form");
const { issuedBeforeConnection } = await import("@/lib/instagram/connect/find-accounts-for-meta-user");

const now = Math.floor(Date.now() / 1000);
const payload = { algorithm: "HMAC-SHA256" as const, issued_at: now, expires: now + 3600, user_id: "9876543210" };
const form = (body: string, type = "application/x-www-form-urlencoded") =>
  new Request("http://127.0.0.1/api/instagram/deauthorize", { method: "POST", headers: { "content-type": type }, body });

async function rejection(p: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error("expected a rejection");
}

describe("Meta's signed_request", () => {
  it("is accepted when signed with the Instagram app secret", () => {
    expect(verifyMetaSignedRequest(buildSignedRequest(env().INSTAGRAM_APP_SECRET, payload))).toMatchObject({ user_id: "9876543210" });
  });

  it("signed with META_APP_SECRET is accepted only while that secret is configured", async () => {
    const signed = buildSignedRequest("meta-app-secret-for-facebook-login", payload);
    expect((await rejection(() => verifyMetaSignedRequest(signed))).code).toBe("bad_request");
    env().META_APP_SECRET = "meta-app-secret-for-facebook-login";
    try {
      expect(verifyMetaSignedRequest(signed).user_id).toBe("9876543210");
    } finally {
      env().META_APP_SECRET = undefined;
    }
  });

  it.each([
    ["wrong secret", buildSignedRequest("not-our-secret-at-all", payload)],
    ["payload edited after signing", `${buildSignedRequest(env().INSTAGRAM_APP_SECRET, payload).split(".")[0]}.${Buffer.from(JSON.stringify({ ...payload, user_id: "1" })).toString("base64url")}`],
    ["no signature", Buffer.from(JSON.stringify(payload)).toString("base64url")],
    ["another algorithm", buildSignedRequest(env().INSTAGRAM_APP_SECRET, { ...payload, algorithm: "none" } as never)],
  ])("%s → 400 bad_request", async (_name, value) => {
    const err = await rejection(() => verifyMetaSignedRequest(value));
    expect(err.code).toBe("bad_request");
    expect(err.status).toBe(400);
  });
});

describe("the callback body", () => {
  it("reads signed_request from Meta's urlencoded form", async () => {
    expect(await readSignedRequestForm(form("signed_request=abc.def"))).toBe("abc.def");
  });

  it("refuses a missing field and an oversized body before parsing", async () => {
    expect((await rejection(readSignedRequestForm(form("other=1")))).code).toBe("bad_request");
    expect((await rejection(readSignedRequestForm(form(`signed_request=${"a".repeat(20_000)}`)))).code).toBe("payload_too_large");
  });

  it("a signed_request issued before the account's latest connection is stale", () => {
    const connectedAt = new Date(now * 1000);
    expect(issuedBeforeConnection(now - 3600, connectedAt)).toBe(true);
    expect(issuedBeforeConnection(now, connectedAt)).toBe(false);
    expect(issuedBeforeConnection(now + 10, connectedAt)).toBe(false);
  });

  it("Meta's server-to-server POSTs pass the CSRF gate without an exemption: no browser headers, no cookie", () => {
    for (const path of ["/api/instagram/deauthorize", "/api/instagram/data-deletion"]) {
      const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", "user-agent": "facebookexternalua" });
      const blocked = needsCsrfCheck("POST", path, headers) && isCrossSite(headers, ownOrigins(`http://127.0.0.1${path}`, env().APP_URL));
      expect(blocked).toBe(false);
    }
  });
});

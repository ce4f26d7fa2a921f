import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import { WEB_LIMIT_POLICIES } from "@/lib/ratelimit/web-limits";
import { signUp } from "@/lib/auth/sign-up";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { uniq } from "../api/helpers/world";
import { signInThroughNextAuth } from "./helpers/next-auth-client";

const PASSWORD = "a long enough passphrase";
let email: string;

beforeAll(async () => {
  await useTestDatabase();
  email = `${uniq("ada")}@example.test`;
  await signUp({ email: email.toUpperCase(), password: PASSWORD, name: "Ada" }, { ip: "192.0.2.1" });
});

describe("sign in with email and password (next-auth, JWT session)", () => {
  it("issues a session cookie whose token names the user and nothing else", async () => {
    const res = await signInThroughNextAuth(email, PASSWORD, "192.0.2.10");
    expect(res.status).toBe(302);
    expect(new URL(res.location).pathname).toBe("/workspaces");
    expect(res.cookie).toBeDefined();
    const jwt = res.cookie!.split("=")[1]!;
    const token = await decode({ token: jwt, secret: env().AUTH_SECRET, salt: "authjs.session-token" });
    expect(Object.keys(token!).sort()).toEqual(["exp", "iat", "jti", "sub"]);
    const me = await call(meRoute, "GET", { path: "/api/v1/me", headers: { cookie: res.cookie! } });
    expect(me.body).toMatchObject({ type: "user", user: { email, name: "Ada" } });
  });

  it("refuses a wrong password and an unknown email alike, without a cookie", async () => {
    for (const [e, p] of [
      [email, "wrong password!"],
      ["nobody@example.test", PASSWORD],
    ]) {
      const res = await signInThroughNextAuth(e!, p!, "192.0.2.11");
      expect(res.cookie).toBeUndefined();
      expect(res.location).toContain("/sign-in?error=CredentialsSignin&code=credentials");
    }
  });

  it("stops brute force: after the per-IP budget even the right password is refused", async () => {
    const ip = "192.0.2.66";
    const budget = WEB_LIMIT_POLICIES.signIn().tokens;
    for (let i = 0; i < budget; i++) {
      const guess = await signInThroughNextAuth(email, `guess number ${i}`, ip);
      expect(guess.error, `attempt ${i + 1}`).toBe("credentials");
    }
    const right = await signInThroughNextAuth(email, PASSWORD, ip);
    expect(right.error).toBe("rate_limited");
    expect(right.cookie).toBeUndefined();
    // Another address is not affected.
    expect((await signInThroughNextAuth(email, PASSWORD, "192.0.2.67")).cookie).toBeDefined();
  });

  it("limits sign-ups per IP, and refuses a second account for one email", async () => {
    await expect(signUp({ email, password: PASSWORD }, { ip: "192.0.2.80" })).rejects.toMatchObject({ code: "conflict" });
    const ip = "192.0.2.81";
    const budget = WEB_LIMIT_POLICIES.signUp().tokens;
    for (let i = 0; i < budget; i++) await signUp({ email: `${uniq("bulk")}@example.test`, password: PASSWORD }, { ip });
    const over = await signUp({ email: `${uniq("bulk")}@example.test`, password: PASSWORD }, { ip }).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(ApiError);
    expect(over).toMatchObject({ code: "rate_limited", status: 429 });
    expect((over as ApiError).extra.headers?.["Retry-After"]).toMatch(/^\d+$/);
  });
});

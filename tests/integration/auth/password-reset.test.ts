import { beforeAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { primary } from "@/lib/db";
import { sha256Hex } from "@/lib/security/tokens";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { createUser, PASSWORD, sessionCookieFor } from "../api/helpers/world";
import { readMailbox, waitForLink } from "./helpers/mailbox";
import { freshMailDir } from "./helpers/next-auth-client";

const mailDir = freshMailDir();
const NEW_PASSWORD = "a brand new passphrase";

beforeAll(() => useTestDatabase());

async function emailedToken(email: string, ip: string): Promise<string> {
  await requestPasswordReset({ email }, { ip });
  const { url } = await waitForLink(mailDir, email, /\/reset-password\?token=/);
  expect(url.origin).toBe("http://127.0.0.1:3000");
  return url.searchParams.get("token")!;
}

describe("password reset by emailed, expiring, single-use link", () => {
  it("emails a link whose token is stored only as its SHA-256", async () => {
    const u = await createUser();
    const token = await emailedToken(u.email, "198.51.100.1");
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await primary().passwordResetToken.findMany({ where: { userId: u.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(sha256Hex(token));
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("says nothing and sends nothing for an unknown email", async () => {
    const before = readMailbox(mailDir).length;
    await expect(requestPasswordReset({ email: "ghost@example.test" }, { ip: "198.51.100.2" })).resolves.toBeUndefined();
    expect(readMailbox(mailDir)).toHaveLength(before);
  });

  it("sets the new password once, and ends every session issued before", async () => {
    const u = await createUser();
    const oldCookie = await sessionCookieFor(u.id);
    expect((await call(meRoute, "GET", { path: "/", headers: { cookie: oldCookie } })).status).toBe(200);
    const token = await emailedToken(u.email, "198.51.100.3");
    // Sessions are compared at one-second resolution (JWT iat).
    await new Promise((r) => setTimeout(r, 1_100));
    await resetPassword({ token, password: NEW_PASSWORD }, { ip: "198.51.100.3" });

    expect(await authenticateCredentials({ email: u.email, password: NEW_PASSWORD }, { ip: "198.51.100.4" })).toMatchObject({ id: u.id });
    expect(await authenticateCredentials({ email: u.email, password: PASSWORD }, { ip: "198.51.100.4" })).toBeNull();
    expect((await call(meRoute, "GET", { path: "/", headers: { cookie: oldCookie } })).status).toBe(401);
    expect((await call(meRoute, "GET", { path: "/", headers: { cookie: await sessionCookieFor(u.id) } })).status).toBe(200);
    await expect(resetPassword({ token, password: "yet another passphrase" }, { ip: "198.51.100.3" })).rejects.toMatchObject({ code: "gone" });
    expect((await primary().user.findUniqueOrThrow({ where: { id: u.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("refuses an expired link, and a link replaced by a newer one", async () => {
    const u = await createUser();
    const first = await emailedToken(u.email, "198.51.100.5");
    const second = await emailedToken(u.email, "198.51.100.6");
    await expect(resetPassword({ token: first, password: NEW_PASSWORD }, { ip: "198.51.100.5" })).rejects.toMatchObject({ code: "gone" });
    await primary().passwordResetToken.updateMany({ where: { userId: u.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(resetPassword({ token: second, password: NEW_PASSWORD }, { ip: "198.51.100.6" })).rejects.toMatchObject({ code: "gone", status: 410 });
  });

  it("limits reset requests and attempts per IP", async () => {
    const ip = "198.51.100.99";
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++) {
      outcomes.push(
        await resetPassword({ token: `guess-${i}-`.padEnd(43, "x"), password: NEW_PASSWORD }, { ip }).then(
          () => "ok",
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(outcomes).toEqual(["gone", "gone", "gone", "gone", "gone", "rate_limited", "rate_limited"]);
  });
});

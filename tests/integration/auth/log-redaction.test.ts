import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import * as membersRoute from "@/app/api/v1/members/route";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { signUp } from "@/lib/auth/sign-up";
import { env } from "@/lib/env";
import { createLogger, setRootLogger } from "@/lib/logger";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { rootLogger } from "@/lib/logger";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, roomyPlan, uniq } from "../api/helpers/world";
import { waitForLink } from "./helpers/mailbox";
import { signInThroughNextAuth, freshMailDir } from "./helpers/next-auth-client";

/**
 * Captures every log line the real sign-up, sign-in, reset, invitation and API-key paths write
 * (at trace level, so nothing is filtered out) and checks that no password, token, key or
 * session cookie is among them.
 */
const mailDir = freshMailDir();
const lines: string[] = [];
const secrets: Record<string, string> = {};

beforeAll(async () => {
  setRootLogger(
    createLogger({
      level: "trace",
      destination: new Writable({
        write(chunk, _enc, cb) {
          lines.push(...String(chunk).split("\n").filter(Boolean));
          cb();
        },
      }),
    }),
  );
  await useTestDatabase();
});
afterAll(() => setRootLogger(undefined));

describe("no secret ever reaches a log line", () => {
  it("holds through sign-up, sign-in, password reset, invitations and API keys", async () => {
    const email = `${uniq("log")}@example.test`;
    secrets.password = "hunter2-hunter2-secret";
    secrets.newPassword = "correct-horse-new-secret";
    secrets.passwordInEmailField = "my-password-typed-as-email";
    secrets.authSecret = env().AUTH_SECRET;

    await signUp({ email, password: secrets.password, name: "Log" }, { ip: "192.0.2.200" });
    const ok = await signInThroughNextAuth(email, secrets.password, "192.0.2.201");
    secrets.sessionCookie = ok.cookie!.split("=")[1]!;
    secrets.csrfToken = ok.csrfToken;
    await signInThroughNextAuth(email, "wrong-" + secrets.password, "192.0.2.201");
    await signInThroughNextAuth(secrets.passwordInEmailField, secrets.password, "192.0.2.201");

    await requestPasswordReset({ email }, { ip: "192.0.2.202" });
    const reset = await waitForLink(mailDir, email, /reset-password/);
    secrets.resetToken = reset.url.searchParams.get("token")!;
    await resetPassword({ token: secrets.resetToken, password: secrets.newPassword }, { ip: "192.0.2.202" });
    await resetPassword({ token: secrets.resetToken, password: secrets.newPassword }, { ip: "192.0.2.202" }).catch(() => undefined);

    const t = await buildTenant("Logs", await roomyPlan());
    const owner = { cookie: t.members.owner.cookie, "x-workspace": t.tenant.id, "user-agent": "LogTest" };
    secrets.ownerCookie = t.members.owner.cookie.split("=")[1]!;
    const created = await call(apiKeysRoute, "POST", { path: "/", headers: owner, body: { name: "Log key", scopes: ["members.read"] } });
    secrets.apiKey = created.body.key;
    await call(membersRoute, "GET", { path: "/", headers: { authorization: `Bearer ${secrets.apiKey}` } });
    await call(membersRoute, "GET", { path: "/", headers: { authorization: `Bearer ${secrets.apiKey}x` } });

    await call(invitationsRoute, "POST", { path: "/", headers: owner, body: { email, role: "viewer" } });
    const inv = await waitForLink(mailDir, email, /invitations\/accept/);
    secrets.invitationToken = inv.url.searchParams.get("token")!;
    const user = await primary().user.findUniqueOrThrow({ where: { email } });
    await acceptInvitation(user, secrets.invitationToken, { ip: "192.0.2.203" }, rootLogger());

    const log = lines.join("\n");
    // The paths really logged (so an empty log cannot pass this test)...
    for (const msg of ["signed up", "signed in", "sign-in failed", "password reset requested", "password reset", "email sent", "API key created", "request", "invitation created", "invitation accepted"]) {
      expect(lines.some((l) => JSON.parse(l).msg === msg), `no "${msg}" line`).toBe(true);
    }
    // ...and none of what they handled.
    for (const [name, value] of Object.entries(secrets)) {
      expect(value.length, name).toBeGreaterThan(8);
      expect(log.includes(value), `${name} appears in the log`).toBe(false);
    }
  });
});

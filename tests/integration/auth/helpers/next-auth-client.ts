import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { BASE } from "../../api/helpers/http";

/** Points this test file's mail at a fresh directory; call before anything reads the environment. */
export function freshMailDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rf-mail-"));
  process.env.MAIL_TRANSPORT = `file://${dir}`;
  return dir;
}

const firstPart = (setCookie: string) => setCookie.split(";")[0]!;

/**
 * Signs in the way a browser form does, through next-auth's real route: fetch the CSRF token,
 * then POST the credentials callback. Returns where next-auth redirects and the session cookie.
 */
export async function signInThroughNextAuth(email: string, password: string, ip: string) {
  const csrfRes = await authRoute.GET(new NextRequest(`${BASE}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } }));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map(firstPart).join("; ");
  const res = await authRoute.POST(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "x-forwarded-for": ip },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/workspaces" }),
    }),
  );
  const session = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  const location = res.headers.get("location") ?? "";
  return { status: res.status, location, error: new URL(location, BASE).searchParams.get("code"), cookie: session ? firstPart(session) : undefined, csrfToken, csrfCookie };
}

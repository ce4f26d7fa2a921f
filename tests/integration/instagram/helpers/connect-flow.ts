import { NextRequest } from "next/server";
import * as connectRoute from "@/app/api/v1/accounts/connect/route";
import * as callbackRoute from "@/app/api/instagram/callback/route";
import type { Simulator } from "@/lib/simulator";
import { call } from "../../api/helpers/http";

export type Member = { cookie: string };

/** POST /api/v1/accounts/connect as a member: the authorize URL (or the refusal). */
export async function startConnect(tenantId: string, member: Member) {
  return call(connectRoute, "POST", { path: "/api/v1/accounts/connect", headers: { cookie: member.cookie, "x-workspace": tenantId } });
}

/** The browser's visit to the simulator's consent page: the redirect back to our callback. */
export async function authorize(url: string): Promise<string> {
  const res = await fetch(url, { redirect: "manual" });
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
  return location;
}

/** GET /api/instagram/callback with the member's session, as the browser follows the redirect. */
export async function callback(location: string, cookie?: string) {
  const request = new NextRequest(location, { headers: cookie ? { cookie, "x-forwarded-for": "198.51.100.20" } : {} });
  const res = await callbackRoute.GET(request);
  return { status: res.status, location: res.headers.get("location"), text: await res.text() };
}

/** The whole flow for one member: start, consent on the simulator, come back. */
export async function connectThroughSimulator(_sim: Simulator, tenantId: string, member: Member) {
  const started = await startConnect(tenantId, member);
  if (started.status !== 200) throw new Error(`connect answered ${started.status}: ${started.text}`);
  return callback(await authorize(started.body.url as string), member.cookie);
}

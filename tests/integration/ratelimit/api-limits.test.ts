import { beforeAll, describe, expect, it } from "vitest";
import * as membersRoute from "@/app/api/v1/members/route";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, createKey, roomyPlan, type TenantFx } from "../api/helpers/world";

// Small budgets for this file only (read once, when the limiters are first built).
process.env.API_RATE_LIMIT_PER_MINUTE = "4";
process.env.API_TENANT_RATE_LIMIT_PER_MINUTE = "6";

let T: TenantFx;
beforeAll(async () => {
  await useTestDatabase();
  T = await buildTenant("Limits", await roomyPlan());
});

const get = (headers: Record<string, string>) => call(membersRoute, "GET", { path: "/api/v1/members", headers });

describe("/api/v1 rate limits, per API key and per workspace", () => {
  it("counts down in RateLimit-* headers, then answers 429 problem+json with Retry-After", async () => {
    const key = await createKey(T.tenant.id, ["members.read"]);
    const remaining: string[] = [];
    for (let i = 0; i < 4; i++) {
      const ok = await get({ authorization: key.auth });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("ratelimit-limit")).toBe("4");
      remaining.push(ok.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["3", "2", "1", "0"]);
    const refused = await get({ authorization: key.auth });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.body).toMatchObject({ code: "rate_limited", status: 429 });
    const retry = Number(refused.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-reset")).toBe(String(retry));
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("caps the whole workspace whichever keys or members send the requests", async () => {
    // The first test spent 4 of the workspace's 6; two more keys share the remaining 2.
    const k1 = await createKey(T.tenant.id, ["members.read"]);
    const k2 = await createKey(T.tenant.id, ["members.read"]);
    expect((await get({ authorization: k1.auth })).status).toBe(200);
    expect((await get({ authorization: k2.auth })).status).toBe(200);
    const third = await get({ authorization: k2.auth });
    expect(third.status).toBe(429);
    expect(third.headers.get("ratelimit-limit")).toBe("6");
    const member = await get({ cookie: T.members.viewer.cookie, "x-workspace": T.tenant.id });
    expect(member.status).toBe(429);
    // Another workspace is untouched.
    const other = await buildTenant("Elsewhere", T.tenant.planId);
    expect((await get({ authorization: other.keys.full.auth })).status).toBe(200);
  });
});

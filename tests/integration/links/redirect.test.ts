import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/r/[code]/route";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import { roomyPlan, buildTenant, type TenantFx } from "../api/helpers/world";
import { createAccount, createAutomationRow } from "../activity/fixtures";

let A: TenantFx;
let linkId: string;
let automationId: string;
const CODE = "Tq7mK2xPz9";
const BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Instagram 330.0";

function visit(code: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://127.0.0.1:3000/r/${code}`, { headers: { "x-forwarded-for": "203.0.113.7", "user-agent": BROWSER, ...headers } });
  return GET(request, { params: Promise.resolve({ code }) });
}

beforeAll(async () => {
  await useTestDatabase();
  A = await buildTenant("Alpha", await roomyPlan());
  const account = (await createAccount(A.tenant.id)).id;
  automationId = (await createAutomationRow(A.tenant.id, account, { name: "Secret automation name" })).id;
  linkId = (await primary().trackedLink.create({ data: { tenantId: A.tenant.id, code: CODE, url: "https://shop.example/price-list?utm_source=ig", automationId } })).id;
});

describe("GET /r/{code}", () => {
  it("redirects with 302 to the stored URL and counts the click, privately", async () => {
    const res = await visit(CODE);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://shop.example/price-list?utm_source=ig");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const link = await primary().trackedLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(link.clickCount).toBe(1);
    const clicks = await primary().linkClick.findMany({ where: { linkId } });
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({ tenantId: A.tenant.id, userAgent: BROWSER });
    expect(clicks[0]!.visitorHash).toMatch(/^[0-9a-f]{64}$/);
    expect(clicks[0]!.visitorHash).not.toContain("203.0.113.7");
  });

  it("hashes the same visitor the same way on one day and a different visitor differently", async () => {
    await visit(CODE);
    await visit(CODE, { "x-forwarded-for": "198.51.100.99" });
    const hashes = (await primary().linkClick.findMany({ where: { linkId }, orderBy: { id: "asc" } })).map((c) => c.visitorHash);
    expect(hashes).toHaveLength(3);
    expect(hashes[1]).toBe(hashes[0]);
    expect(hashes[2]).not.toBe(hashes[0]);
    expect((await primary().trackedLink.findUniqueOrThrow({ where: { id: linkId } })).clickCount).toBe(3);
  });

  it("redirects link-preview fetchers without counting them", async () => {
    const res = await visit(CODE, { "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" });
    expect(res.status).toBe(302);
    expect((await primary().trackedLink.findUniqueOrThrow({ where: { id: linkId } })).clickCount).toBe(3);
  });

  it("answers an unknown, malformed or unsafe code with the same 404 page that reveals nothing", async () => {
    await primary().trackedLink.create({ data: { tenantId: A.tenant.id, code: "Js0000aaaa", url: "javascript:alert(1)", automationId } });
    const bodies = new Set<string>();
    for (const code of ["Zz9Zz9Zz9Z", "../../etc", "a".repeat(200), "Js0000aaaa"]) {
      const res = await visit(code);
      expect(res.status, code).toBe(404);
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      const body = await res.text();
      for (const secret of [A.tenant.id, A.tenant.name, A.tenant.slug, automationId, "Secret automation name", "javascript"]) expect(body).not.toContain(secret);
      bodies.add(body);
    }
    expect(bodies.size).toBe(1);
  });

  it("rate-limits one IP lightly (429 with Retry-After), leaving other visitors alone", async () => {
    const ip = "192.0.2.55";
    let limited: Response | undefined;
    for (let i = 0; i < 70 && !limited; i++) {
      const res = await visit("Zz9Zz9Zz9Z", { "x-forwarded-for": ip });
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await visit(CODE, { "x-forwarded-for": "192.0.2.56" })).status).toBe(302);
  });
});

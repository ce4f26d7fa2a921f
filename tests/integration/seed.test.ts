import { beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import { PLANS, seedDemoTenant, seedPlans } from "@/prisma/seed-data";
import { useTestDatabase } from "../helpers/isolation";

describe("seed", () => {
  beforeAll(() => useTestDatabase());

  it("creates the three plans with their limits, idempotently", async () => {
    await seedPlans();
    await seedPlans();
    const plans = await primary().plan.findMany({ orderBy: { priceCents: "asc" } });
    expect(plans.map((p) => p.key)).toEqual(["free", "pro", "business"]);
    expect(plans[0]).toMatchObject({ monthlyDmLimit: PLANS[0].monthlyDmLimit, accountLimit: 1 });
  });

  it("creates one demo workspace with an active subscription, however often it runs", async () => {
    const a = await seedDemoTenant();
    const b = await seedDemoTenant();
    expect(b.id).toBe(a.id);
    const sub = await primary().subscription.findUniqueOrThrow({ where: { tenantId: a.id }, include: { plan: true } });
    expect(sub).toMatchObject({ status: "active", plan: { key: "pro" } });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { primary } from "@/lib/db";
import { DEMO_LOGIN, seedDemoTenant } from "@/prisma/seed-data";
import { useTestDatabase } from "../../helpers/isolation";

describe("the demo workspace's login", () => {
  beforeAll(() => useTestDatabase());

  it("signs in as the owner of the demo workspace, however often the seed runs", async () => {
    const tenant = await seedDemoTenant();
    await seedDemoTenant();
    const user = await authenticateCredentials(DEMO_LOGIN, { ip: "203.0.113.250" });
    expect(user).toMatchObject({ email: DEMO_LOGIN.email });
    const memberships = await primary().membership.findMany({ where: { userId: user!.id } });
    expect(memberships).toEqual([expect.objectContaining({ tenantId: tenant.id, role: "owner" })]);
  });
});

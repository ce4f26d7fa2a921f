import { beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import { checkReadiness } from "@/lib/health/readiness";
import { createRedis, redis } from "@/lib/redis";
import { useTestDatabase } from "../helpers/isolation";

describe("readiness", () => {
  beforeAll(() => useTestDatabase());

  it("is ready when MySQL and Redis answer", async () => {
    const r = await checkReadiness({ primary: primary(), redis: redis() });
    expect(r.ok).toBe(true);
    expect(r.checks.mysql?.ok).toBe(true);
    expect(r.checks.redis?.ok).toBe(true);
  });

  it("is not ready, and says Redis, when Redis is unreachable", async () => {
    const dead = createRedis("client", "redis://127.0.0.1:1");
    try {
      const r = await checkReadiness({ primary: primary(), redis: dead });
      expect(r.ok).toBe(false);
      expect(r.checks.mysql?.ok).toBe(true);
      expect(r.checks.redis).toMatchObject({ ok: false });
      expect(r.checks.redis?.error).toBeTruthy();
    } finally {
      dead.disconnect();
    }
  });
});

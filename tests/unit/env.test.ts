import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv, ZEnv } from "@/lib/env";
import { TEST_ENV } from "../helpers/test-env";

function parseExample(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(".env.example", "utf8").split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe("environment", () => {
  it("accepts the test settings", () => {
    const e = parseEnv({ ...TEST_ENV });
    expect(e.DATABASE_URL).toBe(TEST_ENV.DATABASE_URL);
    expect(e.DATABASE_REPLICA_URLS).toEqual([]);
    expect(e.GRAPH_REQUIRE_APPSECRET_PROOF).toBe(true);
  });

  it("names a bad DATABASE_URL in one line", () => {
    try {
      parseEnv({ ...TEST_ENV, DATABASE_URL: "nonsense" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidEnvError);
      expect((err as Error).message).toBe(
        "Invalid environment: DATABASE_URL must be a mysql://user:password@host:port/database URL",
      );
    }
  });

  it("says a required variable is missing", () => {
    const { AUTH_SECRET: _omit, ...rest } = TEST_ENV;
    expect(() => parseEnv(rest)).toThrow("Invalid environment: AUTH_SECRET is missing");
  });

  it("reports every bad variable, not only the first", () => {
    expect(() => parseEnv({ ...TEST_ENV, REDIS_URL: "localhost", WORKER_HEALTH_PORT: "99999" })).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL; WORKER_HEALTH_PORT/,
    );
  });

  it("parses replica lists and rejects a bad replica", () => {
    const ok = parseEnv({ ...TEST_ENV, DATABASE_REPLICA_URLS: "mysql://r@127.0.0.1:3308/a, mysql://r@127.0.0.1:3309/a" });
    expect(ok.DATABASE_REPLICA_URLS).toHaveLength(2);
    expect(() => parseEnv({ ...TEST_ENV, DATABASE_REPLICA_URLS: "postgres://x/y" })).toThrow(/DATABASE_REPLICA_URLS/);
  });

  it(".env.example documents every variable, and its values parse", () => {
    const example = parseExample();
    expect(Object.keys(example).sort()).toEqual(Object.keys(ZEnv.shape).sort());
    // Empty values in the example mean "unset".
    expect(() => parseEnv(example)).not.toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";
import { safeNextPath, ZSignUp } from "@/lib/auth/schemas";
import { generateApiKey, isApiKeyFormat, parseScopes } from "@/lib/api-keys/key-format";
import { ZCreateApiKey } from "@/lib/api-keys/schemas";
import { slugFromName } from "@/lib/workspaces/slug";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "correct horse battery")).toBe(true);
    expect(await verifyPassword(h, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
    expect(await verifyAgainstDecoy("anything")).toBe(false);
  });
});

describe("auth inputs", () => {
  it("normalises emails and enforces password length", () => {
    expect(ZSignUp.parse({ email: "  Ada@Example.COM ", password: "0123456789" })).toEqual({ email: "ada@example.com", password: "0123456789" });
    expect(ZSignUp.safeParse({ email: "ada@example.com", password: "short" }).success).toBe(false);
    expect(ZSignUp.safeParse({ email: "not-an-email", password: "0123456789" }).success).toBe(false);
  });

  it("only redirects to paths on this site after sign-in", () => {
    expect(safeNextPath("/w/acme/members")).toBe("/w/acme/members");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", undefined, 42]) {
      expect(safeNextPath(bad)).toBe("/workspaces");
    }
  });
});

describe("API key format", () => {
  it("generates rf_live_ keys with 256 bits of randomness and keeps only a short prefix", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toBe(b.key);
    expect(isApiKeyFormat(a.key)).toBe(true);
    expect(a.prefix).toBe(a.key.slice(0, 12));
    expect(a.hashedKey).toMatch(/^[0-9a-f]{64}$/);
    expect(isApiKeyFormat("rf_live_short")).toBe(false);
  });

  it("accepts only grantable scopes, from JSON or a form, and drops stored scopes no longer grantable", () => {
    expect(ZCreateApiKey.parse({ name: "Zapier", scopes: "members.read" }).scopes).toEqual(["members.read"]);
    expect(ZCreateApiKey.safeParse({ name: "x", scopes: ["members.manage"] }).success).toBe(false);
    expect(ZCreateApiKey.safeParse({ name: "x", scopes: [] }).success).toBe(false);
    expect(ZCreateApiKey.parse({ name: "x", scopes: ["members.read"], expiresInDays: "" }).expiresInDays).toBeUndefined();
    expect(parseScopes(["members.read", "apiKeys.manage", 7, "gone.permission"])).toEqual(["members.read"]);
    expect(parseScopes({ scopes: ["members.read"] })).toEqual([]);
    expect(parseScopes(["members.read", "workspace.read"])).toEqual(["members.read", "workspace.read"]);
  });
});

describe("workspace slugs", () => {
  it("folds accents and punctuation into a URL-safe slug", () => {
    expect(slugFromName("Café Müller & Söhne!")).toBe("cafe-muller-sohne");
    expect(slugFromName("🙂")).toBe("workspace");
    expect(slugFromName("a".repeat(80))).toHaveLength(48);
  });
});

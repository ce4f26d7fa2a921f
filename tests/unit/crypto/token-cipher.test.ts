import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TokenCipherError, decryptToken, encryptToken, needsRotation, parseKeyring, rotateToken } from "@/lib/crypto/token-cipher";

const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64url");
const OLD = `k1:${K1}`;
const ROTATED = `k2:${K2},k1:${K1}`;
const TOKEN = "IGAAQ4ZBvZC5mZD1fY2h…long-lived-token-ü";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TokenCipherError);
    return (err as TokenCipherError).code;
  }
  return undefined;
}

describe("token cipher", () => {
  it("round-trips, in the v1.<keyId>.<iv>.<tag>.<data> format, with a fresh iv each time", () => {
    const a = encryptToken(OLD, TOKEN);
    const b = encryptToken(OLD, TOKEN);
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("IGAA");
    expect(decryptToken(OLD, a)).toBe(TOKEN);
    expect(decryptToken(parseKeyring(OLD), b)).toBe(TOKEN);
  });

  it("detects tampering with the data, the tag, the iv or the key id", () => {
    const ct = encryptToken(ROTATED, TOKEN);
    const parts = ct.split(".");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const i of [2, 3, 4]) {
      const bad = [...parts];
      bad[i] = flip(bad[i]!);
      expect(code(() => decryptToken(ROTATED, bad.join(".")))).toBe("tampered");
    }
    // Relabelled to another key id that exists: still detected (wrong key and bound key id).
    expect(code(() => decryptToken(ROTATED, ["v1", "k1", ...parts.slice(2)].join(".")))).toBe("tampered");
  });

  it("rotation: new key encrypts, old key still decrypts, needsRotation says which to rewrite", () => {
    const legacy = encryptToken(OLD, TOKEN);
    expect(needsRotation(ROTATED, legacy)).toBe(true);
    expect(decryptToken(ROTATED, legacy)).toBe(TOKEN);
    const fresh = rotateToken(ROTATED, legacy);
    expect(fresh.startsWith("v1.k2.")).toBe(true);
    expect(needsRotation(ROTATED, fresh)).toBe(false);
    expect(rotateToken(ROTATED, fresh)).toBe(fresh);
    expect(decryptToken(ROTATED, fresh)).toBe(TOKEN);
  });

  it("a key dropped from the keyring cannot decrypt", () => {
    const legacy = encryptToken(OLD, TOKEN);
    expect(code(() => decryptToken(`k2:${K2}`, legacy))).toBe("unknown_key");
  });

  it.each([["not-a-token"], ["v1.k1.a.b"], ["v2.k1.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaa.aa"], ["v1.k1.short.aaaaaaaaaaaaaaaaaaaaaa.aa"], [""]])(
    "rejects malformed ciphertext %#",
    (ct) => {
      expect(["malformed", "unsupported_version"]).toContain(code(() => decryptToken(OLD, ct)));
    },
  );

  it("parseKeyring: first key is current; clear errors that never echo key material", () => {
    const ring = parseKeyring(` k2:${K2} , k1:${K1}`);
    expect(ring.current.id).toBe("k2");
    expect([...ring.keys.keys()]).toEqual(["k2", "k1"]);
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["k1", /expected id:base64key/],
      [`:${K1}`, /expected id:base64key/],
      ["k.1:" + K1, /expected id:base64key/],
      [`k1:${K1},k1:${K2}`, /appears twice/],
      [`k1:${randomBytes(16).toString("base64")}`, /must be 32 bytes/],
      ["k1:!!!notbase64!!!", /must be 32 bytes/],
    ];
    for (const [input, message] of cases) {
      let caught: unknown;
      try {
        parseKeyring(input);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(TokenCipherError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain(K1.slice(0, 10));
    }
  });

  it("accepts the env format that lib/env.ts validates (standard or URL-safe base64)", () => {
    expect(() => parseKeyring(`a_1:${randomBytes(32).toString("base64")},b-2:${randomBytes(32).toString("base64url")}`)).not.toThrow();
  });
});

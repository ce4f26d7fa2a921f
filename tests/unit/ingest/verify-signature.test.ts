import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSignatureVerifier, verifySignature } from "@/lib/ingest/verify-signature";
import { normalizeWebhook } from "@/lib/ingest/normalize-webhook";
import { parseWebhookJson } from "@/lib/ingest/webhook-shape-error";

const IG_SECRET = "instagram-app-secret-0123456789";
const META_SECRET = "meta-app-secret-9876543210abcdef";

const sign = (body: Buffer, secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

// Meta sends non-ASCII escaped (\u00e4…), exactly as here: the signature covers these bytes.
const RAW = Buffer.from(
  '{"object":"instagram","entry":[{"id":"17841400000000001","time":1755779280123,"messaging":[{"sender":{"id":"6543210987654321"},' +
    '"recipient":{"id":"17841400000000001"},"timestamp":1755779280000,"message":{"mid":"aWdfZAG1faXRlbTox","text":"\\u00e4\\u00f6\\u00e5 Preis? \\ud83d\\ude00"}}]}]}',
  "utf8",
);

describe("verifySignature", () => {
  for (const [name, verify] of [
    ["verifySignature", (b: Buffer, h: string | undefined, s: string[]) => verifySignature(b, h, s)],
    ["createSignatureVerifier", (b: Buffer, h: string | undefined, s: string[]) => createSignatureVerifier(s)(b, h)],
  ] as const) {
    describe(name, () => {
      it("accepts a signature over the raw escaped-unicode bytes", () => {
        expect(verify(RAW, sign(RAW, IG_SECRET), [IG_SECRET])).toBe(true);
      });

      it("rejects the same payload re-serialised (why the raw body must be kept)", () => {
        const reserialised = Buffer.from(JSON.stringify(JSON.parse(RAW.toString("utf8"))), "utf8");
        expect(reserialised.equals(RAW)).toBe(false);
        expect(verify(reserialised, sign(RAW, IG_SECRET), [IG_SECRET])).toBe(false);
      });

      it("accepts any configured secret (Instagram app secret or Meta app secret)", () => {
        expect(verify(RAW, sign(RAW, META_SECRET), [IG_SECRET, META_SECRET])).toBe(true);
        expect(verify(RAW, sign(RAW, META_SECRET), [IG_SECRET])).toBe(false);
      });

      it("rejects a body changed by one byte", () => {
        const tampered = Buffer.from(RAW);
        const at = tampered.length - 5;
        tampered.writeUInt8(tampered.readUInt8(at) ^ 1, at);
        expect(verify(tampered, sign(RAW, IG_SECRET), [IG_SECRET])).toBe(false);
      });

      it("rejects missing, malformed and wrong-algorithm headers without throwing", () => {
        const good = sign(RAW, IG_SECRET);
        const hex = good.slice(7);
        for (const header of [undefined, "", "sha256=", hex, `sha1=${hex.slice(0, 40)}`, `sha256=${hex.slice(0, 62)}`, `sha256=${hex}00`, `sha256=${"zz".repeat(32)}`, `md5=${hex}`]) {
          expect(verify(RAW, header, [IG_SECRET])).toBe(false);
        }
      });

      it("tolerates upper-case hex and surrounding whitespace", () => {
        const good = sign(RAW, IG_SECRET);
        expect(verify(RAW, `  sha256=${good.slice(7).toUpperCase()} `, [IG_SECRET])).toBe(true);
      });

      it("never accepts a signature made with an empty secret", () => {
        expect(verify(RAW, sign(RAW, ""), [""])).toBe(false);
        expect(verify(RAW, sign(RAW, ""), [])).toBe(false);
      });
    });
  }

  it("raw bytes verify, then parse to the original characters", () => {
    expect(verifySignature(RAW, sign(RAW, IG_SECRET), [IG_SECRET])).toBe(true);
    const { events } = normalizeWebhook(parseWebhookJson(RAW));
    expect(events[0]?.text).toBe("äöå Preis? 😀");
  });
});

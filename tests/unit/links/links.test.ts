import { beforeAll, describe, expect, it } from "vitest";
import { applyTestEnv } from "../../helpers/test-env";

let visitorHash: typeof import("@/lib/links/visitor-hash").visitorHash;
let isPreviewAgent: typeof import("@/lib/links/record-click").isPreviewAgent;

beforeAll(async () => {
  applyTestEnv();
  ({ visitorHash } = await import("@/lib/links/visitor-hash"));
  ({ isPreviewAgent } = await import("@/lib/links/record-click"));
});

describe("visitor hashes", () => {
  const day = new Date("2026-03-01T10:00:00Z");
  it("are stable for one visitor within a day and unrelated across days and visitors", () => {
    const h = visitorHash("203.0.113.7", "UA", day);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(visitorHash("203.0.113.7", "UA", new Date("2026-03-01T23:59:00Z"))).toBe(h);
    expect(visitorHash("203.0.113.7", "UA", new Date("2026-03-02T00:00:00Z"))).not.toBe(h);
    expect(visitorHash("203.0.113.8", "UA", day)).not.toBe(h);
  });

  it("are keyed: a plain SHA-256 of the same input does not reproduce them", async () => {
    const { createHash } = await import("node:crypto");
    expect(visitorHash("203.0.113.7", "UA", day)).not.toBe(createHash("sha256").update("2026-03-01|203.0.113.7|UA").digest("hex"));
  });
});

describe("link-preview fetchers", () => {
  it("are recognised, and people's browsers and Instagram's in-app browser are not", () => {
    expect(isPreviewAgent("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")).toBe(true);
    expect(isPreviewAgent("Mozilla/5.0 (compatible; Googlebot/2.1)")).toBe(true);
    expect(isPreviewAgent("WhatsApp/2.23.20.0")).toBe(true);
    expect(isPreviewAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Instagram 330.0")).toBe(false);
    expect(isPreviewAgent("Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36")).toBe(false);
    expect(isPreviewAgent(undefined)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { newLinkCode } from "@/lib/pipeline/links/link-code";
import { LinkRewriter } from "@/lib/pipeline/links/rewrite-links";

function rewriter() {
  let n = 0;
  return new LinkRewriter("https://app.replyflow.dev/", () => `code${++n}`);
}

describe("tracked links in DMs", () => {
  it("rewrites every link through /r/<code>, leaving sentence punctuation outside it", () => {
    const r = rewriter();
    const text = r.text("Prices: https://shop.example.com/prices?ref=ig. Sizes (https://shop.example.com/sizes)!");
    expect(text).toBe("Prices: https://app.replyflow.dev/r/code1. Sizes (https://app.replyflow.dev/r/code2)!");
    expect(r.links).toEqual([
      { code: "code1", url: "https://shop.example.com/prices?ref=ig" },
      { code: "code2", url: "https://shop.example.com/sizes" },
    ]);
  });

  it("gives one code to a link that appears twice, and to the same link in a button", () => {
    const r = rewriter();
    expect(r.text("a http://x.example/a b http://x.example/a")).toBe("a https://app.replyflow.dev/r/code1 b https://app.replyflow.dev/r/code1");
    expect(r.url("http://x.example/a")).toBe("https://app.replyflow.dev/r/code1");
    expect(r.links).toHaveLength(1);
  });

  it("never wraps its own redirect links again, and leaves text without links alone", () => {
    const r = rewriter();
    expect(r.text("already https://app.replyflow.dev/r/abc and ünïcødé 🎉")).toBe("already https://app.replyflow.dev/r/abc and ünïcødé 🎉");
    expect(r.links).toEqual([]);
  });

  it("codes are random, 10 characters, from an unambiguous alphabet", () => {
    const codes = new Set(Array.from({ length: 2_000 }, () => newLinkCode()));
    expect(codes.size).toBe(2_000);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Za-km-z2-9]{10}$/);
  });
});

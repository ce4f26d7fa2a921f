import { describe, expect, it } from "vitest";
import { afterCursor, decodeCursor, encodeCursor, toPage, ZPageQuery } from "@/lib/api/pagination";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe("keyset pagination", () => {
  it("round-trips a cursor and rejects anything it did not issue", () => {
    const c = { createdAt: at(5), id: "ck123" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of ["", "abc", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["not a date","x"]').toString("base64url"), Buffer.from('{"a":1}').toString("base64url")]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });

  it("validates query strings: default and maximum page size, a bad cursor is a field error", () => {
    expect(ZPageQuery.parse({})).toEqual({ limit: 25 });
    expect(ZPageQuery.parse({ limit: "100" }).limit).toBe(100);
    expect(ZPageQuery.safeParse({ limit: "101" }).success).toBe(false);
    expect(ZPageQuery.safeParse({ limit: "0" }).success).toBe(false);
    const bad = ZPageQuery.safeParse({ cursor: "garbage" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["cursor"]);
  });

  it("continues strictly after the cursor on (createdAt, id), so equal timestamps are neither skipped nor repeated", () => {
    const c = { createdAt: at(5), id: "m" };
    expect(afterCursor(c)).toEqual({ OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: "m" } }] });
    expect(afterCursor(c, "desc")).toEqual({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: "m" } }] });
    expect(afterCursor(undefined)).toEqual({});
  });

  it("pages a list: limit rows, and a next cursor only when there is more", () => {
    const rows = [1, 2, 3].map((i) => ({ id: `r${i}`, createdAt: at(i) }));
    const first = toPage(rows, 2, (r) => r.id);
    expect(first.data).toEqual(["r1", "r2"]);
    expect(decodeCursor(first.nextCursor!)).toEqual({ createdAt: at(2), id: "r2" });
    expect(toPage(rows.slice(0, 2), 2, (r) => r.id).nextCursor).toBeNull();
  });
});

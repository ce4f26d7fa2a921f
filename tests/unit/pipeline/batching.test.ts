import { describe, expect, it } from "vitest";
import { withJitter } from "@/lib/pipeline/outbound/defer-job";
import { Batcher } from "@/lib/pipeline/sql/batcher";
import { pinnedRows } from "@/lib/pipeline/sql/tenant-rows";
import { usageMeter, usagePeriod } from "@/lib/pipeline/usage/usage-period";

describe("micro-batching of hot-path writes", () => {
  it("runs an idle item at once, gathers items while batches are in flight, and answers each caller", async () => {
    const seen: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const b = new Batcher<number, number>(
      async (items) => {
        seen.push(items);
        if (seen.length === 1) await gate;
        return items.map((i) => i * 10);
      },
      { maxBatch: 3, maxInFlight: 1 },
    );
    const first = b.submit(1);
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4, 5].map((i) => b.submit(i));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
    expect(seen).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("fails every caller of a failed batch", async () => {
    const b = new Batcher<number, number>(async () => Promise.reject(new Error("db down")), { maxBatch: 10, maxInFlight: 2 });
    await expect(Promise.all([b.submit(1), b.submit(2)])).rejects.toThrow("db down");
  });
});

describe("tenant-pinned row lists", () => {
  it("binds each id to its own tenant, ids as BIGINT", () => {
    const p = pinnedRows([{ tenantId: "t1", id: "5" }, { tenantId: "t2", id: "9" }], "o");
    expect(p.sql).toBe("o.id IN (?, ?) AND o.tenantId = CASE o.id WHEN ? THEN ? WHEN ? THEN ? END");
    expect(p.values).toEqual([5n, 9n, 5n, "t1", 9n, "t2"]);
  });

  it("refuses a row without a tenant and an empty list", () => {
    expect(() => pinnedRows([{ tenantId: "", id: "1" }])).toThrow(/tenant/);
    expect(() => pinnedRows([])).toThrow(RangeError);
  });
});

describe("small pieces", () => {
  it("deferrals get up to 20 % jitter, at least 50 ms of spread", () => {
    expect(withJitter(1_000, () => 0)).toBe(1_000);
    expect(withJitter(1_000, () => 0.999)).toBe(1_199);
    expect(withJitter(0, () => 0.999)).toBe(49);
  });

  it("usage is counted per UTC month, DMs and private replies against the DM quota", () => {
    expect(usagePeriod(Date.UTC(2026, 0, 31, 23, 59))).toBe("2026-01");
    expect(usagePeriod(new Date(Date.UTC(2026, 11, 1)))).toBe("2026-12");
    expect(usageMeter("dm")).toEqual({ column: "dmsSent", quota: "dm" });
    expect(usageMeter("private_reply")).toEqual({ column: "privateReplies", quota: "dm" });
    expect(usageMeter("public_reply")).toEqual({ column: "publicReplies", quota: "reply" });
    expect(usageMeter("hide_comment")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { parseAppUsage, parseBusinessUseCaseUsage, parseUsageHeaders } from "@/lib/instagram/usage-headers";

describe("parseBusinessUseCaseUsage", () => {
  it("keeps instagram entries, takes the highest percentage, converts minutes to ms", () => {
    const header = JSON.stringify({
      "17841400000000001": [
        { type: "instagram", call_count: 95, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 19 },
        { type: "pages", call_count: 100, total_cputime: 100, total_time: 100, estimated_time_to_regain_access: 60 },
      ],
      "17841400000000002": [{ type: "instagram", call_count: 10, total_cputime: 99, total_time: 5, estimated_time_to_regain_access: 0 }],
    });
    expect(parseBusinessUseCaseUsage(header)).toEqual({
      percent: 99,
      callCount: 95,
      totalCputime: 99,
      totalTime: 30,
      regainAccessMs: 19 * 60_000,
      objectIds: ["17841400000000001", "17841400000000002"],
    });
  });

  it("omits regainAccessMs when Meta estimates zero", () => {
    const header = JSON.stringify({ "1": [{ type: "instagram", call_count: 5, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }] });
    expect(parseBusinessUseCaseUsage(header)).not.toHaveProperty("regainAccessMs");
  });

  it("can be asked for other types (messenger under Facebook Login)", () => {
    const header = JSON.stringify({ "1": [{ type: "messenger", call_count: 50, total_cputime: 1, total_time: 1 }] });
    expect(parseBusinessUseCaseUsage(header)).toBeUndefined();
    expect(parseBusinessUseCaseUsage(header, ["messenger"])?.percent).toBe(50);
  });

  it.each([[undefined], [null], [""], ["not json"], ["[]"], ["42"], ['{"1":"x"}'], ['{"1":[{"type":"pages","call_count":1}]}'], ['{"1":[{"type":"instagram"}]}'], ["{".repeat(20_000)]])(
    "tolerates %s → undefined",
    (header) => {
      expect(parseBusinessUseCaseUsage(header as string | undefined)).toBeUndefined();
    },
  );
});

describe("parseAppUsage", () => {
  it("parses the three percentages", () => {
    expect(parseAppUsage('{"call_count":28,"total_cputime":25,"total_time":31}')).toEqual({ callCount: 28, totalCputime: 25, totalTime: 31, percent: 31 });
  });

  it.each([[undefined], ["garbage"], ['{"call_count":"x"}'], ["null"], ['{"call_count":-1}']])("tolerates %s → undefined", (header) => {
    expect(parseAppUsage(header)).toBeUndefined();
  });
});

describe("parseUsageHeaders", () => {
  it("reads fetch Headers and node:http header objects alike", () => {
    const buc = JSON.stringify({ "1": [{ type: "instagram", call_count: 70, total_cputime: 1, total_time: 1 }] });
    const app = '{"call_count":5,"total_cputime":1,"total_time":1}';
    const fromFetch = parseUsageHeaders(new Headers({ "X-Business-Use-Case-Usage": buc, "X-App-Usage": app }));
    const fromNode = parseUsageHeaders({ "x-business-use-case-usage": buc, "x-app-usage": [app] });
    expect(fromFetch).toEqual(fromNode);
    expect(fromFetch.buc?.percent).toBe(70);
    expect(fromFetch.app?.percent).toBe(5);
  });

  it("returns an empty object when the headers are absent or garbage", () => {
    expect(parseUsageHeaders(new Headers())).toEqual({});
    expect(parseUsageHeaders(new Headers({ "x-app-usage": "%%%", "x-business-use-case-usage": "{]" }))).toEqual({});
  });
});

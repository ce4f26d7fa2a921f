import { describe, expect, it } from "vitest";
import { GraphApiError, GraphNetworkError, GraphTimeoutError, classifyGraphError, type GraphErrorClass } from "@/lib/instagram/graph-errors";

type Row = [code: number | undefined, subcode: number | undefined, cls: GraphErrorClass, scope?: "account" | "app"];

// Every row of reference §3.4 (plus the §2.3 private-reply codes), classified by code/subcode only.
const TABLE: Row[] = [
  [1, undefined, "transient"],
  [1, 1357046, "ambiguous"], // may have been sent: reconcile, never blindly resend
  [2, undefined, "transient"],
  [2, 2018344, "permanent"],
  [4, undefined, "throttled", "app"],
  [341, undefined, "throttled", "app"],
  [17, undefined, "throttled", "account"],
  [32, undefined, "throttled", "account"],
  [613, undefined, "throttled", "account"],
  [613, 2534040, "throttled", "account"],
  [80001, undefined, "throttled", "account"],
  [80002, undefined, "throttled", "account"],
  [80004, undefined, "throttled", "account"],
  [80005, undefined, "throttled", "account"],
  [80006, undefined, "throttled", "account"],
  [190, undefined, "auth", "account"],
  [190, 458, "auth", "account"],
  [190, 459, "auth", "account"],
  [190, 460, "auth", "account"],
  [190, 463, "auth", "account"],
  [190, 464, "auth", "account"],
  [190, 467, "auth", "account"],
  [190, 492, "auth", "account"],
  [102, undefined, "auth", "account"],
  [10, undefined, "permanent"],
  [10, 2534022, "window"],
  [10, 2018278, "window"],
  [10, 1893063, "policy", "account"],
  [200, undefined, "permanent"],
  [200, 2534041, "permanent"],
  [200, 2534066, "permanent"],
  [299, undefined, "permanent"],
  [3, undefined, "permanent"],
  [100, undefined, "permanent"],
  [100, 33, "permanent"],
  [100, 2534014, "recipient"],
  [100, 2534029, "permanent"],
  [100, 2534037, "policy"],
  [100, 2534025, "already_replied"],
  [10900, undefined, "already_replied"],
  [10902, undefined, "already_replied"],
  [10903, 1893049, "already_replied"],
  [230, undefined, "permanent"],
  [368, undefined, "policy", "account"],
  [551, undefined, "recipient"],
];

describe("classifyGraphError", () => {
  it.each(TABLE)("%s/%s → %s %s", (code, subcode, cls, scope) => {
    const c = classifyGraphError({ code, subcode, httpStatus: 400 });
    expect(c.class).toBe(cls);
    expect(c.scope).toBe(scope);
    expect(c.code).toBe(code);
    expect(c.subcode).toBe(subcode);
    expect(c.reason.length).toBeGreaterThan(10);
  });

  it("speaks plainly about the 24-hour window", () => {
    expect(classifyGraphError({ code: 10, subcode: 2534022 }).reason).toBe("Instagram's 24-hour messaging window is closed for this person");
  });

  it("marks profile consent (230) as expected, policy blocks with a long pause, throttles with a minute", () => {
    expect(classifyGraphError({ code: 230 }).expected).toBe(true);
    expect(classifyGraphError({ code: 368 }).pauseMs).toBeGreaterThanOrEqual(12 * 3_600_000);
    expect(classifyGraphError({ code: 10, subcode: 1893063 }).pauseMs).toBeGreaterThanOrEqual(12 * 3_600_000);
    expect(classifyGraphError({ code: 613 }).pauseMs).toBe(60_000);
  });

  it("ignores HTTP status and is_transient for known codes", () => {
    expect(classifyGraphError({ code: 10, subcode: 2534022, httpStatus: 500, isTransient: true }).class).toBe("window");
    expect(classifyGraphError({ code: 2, httpStatus: 400 }).class).toBe("transient");
  });

  it("falls back to is_transient, then HTTP status, for codes it does not know", () => {
    expect(classifyGraphError({ code: 99999, isTransient: true }).class).toBe("transient");
    expect(classifyGraphError({ code: 99999, httpStatus: 400 }).class).toBe("permanent");
    expect(classifyGraphError({ httpStatus: 503 }).class).toBe("transient");
    expect(classifyGraphError({ httpStatus: 504 }).class).toBe("ambiguous");
    expect(classifyGraphError({ httpStatus: 429 })).toMatchObject({ class: "throttled", scope: "account" });
    expect(classifyGraphError({ httpStatus: 404 }).class).toBe("permanent");
  });
});

describe("Graph error classes", () => {
  it("GraphApiError carries the envelope, status, usage and classification", () => {
    const err = new GraphApiError(
      "sendMessage",
      400,
      { message: "このメッセージは許可された時間外に送信されています", code: 10, error_subcode: 2534022, fbtrace_id: "AbC" },
      {},
    );
    expect(err).toBeInstanceOf(Error);
    expect(err.classification.class).toBe("window");
    expect([err.code, err.subcode, err.fbtraceId, err.httpStatus, err.operation]).toEqual([10, 2534022, "AbC", 400, "sendMessage"]);
    expect(err.message).toContain("10/2534022");
  });

  it("retryAfterMs prefers Meta's longer regain estimate", () => {
    const usage = { buc: { percent: 100, callCount: 100, totalCputime: 1, totalTime: 1, regainAccessMs: 19 * 60_000, objectIds: ["1"] } };
    expect(new GraphApiError("me", 400, { code: 80002 }, usage).retryAfterMs()).toBe(19 * 60_000);
    expect(new GraphApiError("me", 400, { code: 613 }, {}).retryAfterMs()).toBe(60_000);
    expect(new GraphApiError("me", 400, { code: 100 }, {}).retryAfterMs()).toBeUndefined();
  });

  it("a timeout is ambiguous for sends and transient for idempotent calls", () => {
    expect(new GraphTimeoutError("sendMessage", 100, false).classification.class).toBe("ambiguous");
    expect(new GraphTimeoutError("me", 100, true).classification.class).toBe("transient");
  });

  it("a connection failure before sending is always transient; after sending it is ambiguous for sends", () => {
    expect(new GraphNetworkError("sendMessage", "before_send", "ECONNREFUSED", false, null).classification.class).toBe("transient");
    expect(new GraphNetworkError("sendMessage", "after_send", "UND_ERR_SOCKET", false, null).classification.class).toBe("ambiguous");
    expect(new GraphNetworkError("me", "after_send", "UND_ERR_SOCKET", true, null).classification.class).toBe("transient");
  });
});

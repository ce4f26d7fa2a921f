import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_CODES, PROBLEM_CONTENT_TYPE } from "@/lib/api/error-codes";
import { ApiError, problemResponse, toProblem } from "@/lib/api/errors";

describe("problem+json mapping", () => {
  it("maps every code to one 4xx/5xx status, with a stable type URI", () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      expect(status >= 400 && status < 600, code).toBe(true);
      const { problem } = toProblem(new ApiError(code as keyof typeof ERROR_CODES), "req-1");
      expect(problem).toMatchObject({ status, code, type: `urn:replyflow:problem:${code}`, requestId: "req-1" });
    }
    expect(ERROR_CODES.not_found.status).toBe(404);
    expect(ERROR_CODES.validation_failed.status).toBe(422);
    expect(ERROR_CODES.rate_limited.status).toBe(429);
  });

  it("turns a ZodError into 422 validation_failed with one issue per field", () => {
    const parsed = z.object({ email: z.email(), role: z.enum(["owner", "viewer"]) }).safeParse({ email: "nope", role: "king" });
    const { problem } = toProblem(parsed.error, "r");
    expect(problem.status).toBe(422);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["email", "role"]);
  });

  it("hides unknown errors: 500 internal_error with the request id, no message, stack or SQL", async () => {
    const err = new Error("Invalid `prisma.user.findMany()`: SELECT passwordHash FROM User WHERE 1=1");
    const res = problemResponse(err, "req-42");
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    const text = await res.text();
    expect(text).not.toMatch(/SELECT|prisma|passwordHash|at .*\.ts/);
    expect(JSON.parse(text)).toMatchObject({ code: "internal_error", status: 500, requestId: "req-42" });
    expect(JSON.parse(text).detail).toContain("req-42");
  });

  it("carries extra headers (Retry-After) and the detail a service chose", () => {
    const res = problemResponse(new ApiError("rate_limited", "slow down", { headers: { "Retry-After": "7" } }), "r");
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("x-request-id")).toBe("r");
  });
});

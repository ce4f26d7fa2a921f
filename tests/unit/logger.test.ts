import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      cb();
    },
  });
  return { lines, log: createLogger({ level: "trace", destination }) };
}

const SECRETS = ["hunter2-password", "IGQVJ-secret-token", "sess=abc123cookie", "Bearer sk_live_abc", "appsecret-xyz"];

describe("logger redaction", () => {
  it("never writes passwords, tokens, secrets, cookies or authorization headers", () => {
    const { lines, log } = capture();
    log.info({ password: SECRETS[0], user: { email: "a@b.c", password: SECRETS[0] } }, "sign in");
    log.info({ accessToken: SECRETS[1], account: { access_token: SECRETS[1], token: SECRETS[1] } }, "token");
    log.info({ req: { headers: { cookie: SECRETS[2], authorization: SECRETS[3] } } }, "request");
    log.child({ tenantId: "t1" }).warn({ headers: { authorization: SECRETS[3], cookie: SECRETS[2] }, appSecret: SECRETS[4] }, "child");
    log.error({ client_secret: SECRETS[4], body: { signed_request: "abc.def" } }, "oauth");
    const out = lines.join("\n");
    for (const s of SECRETS) expect(out).not.toContain(s);
    expect(out).not.toContain("abc.def");
    expect(out).toContain("[redacted]");
    expect(out).toContain("a@b.c");
  });

  it("writes JSON with level names and child bindings", () => {
    const { lines, log } = capture();
    log.child({ tenantId: "t1", jobId: "j1" }).info("hello");
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: "info", tenantId: "t1", jobId: "j1", msg: "hello" });
    expect(typeof line.time).toBe("string");
  });
});

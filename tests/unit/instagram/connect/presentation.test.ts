import { describe, expect, it } from "vitest";
import { connectErrorPage } from "@/lib/instagram/connect/connect-error-page";
import { CONNECT_ERROR_CODES, connectErrorMessage } from "@/lib/instagram/connect/connect-messages";
import { ACCOUNT_SELECT, presentAccount } from "@/lib/instagram/connect/present-account";

const row = {
  id: "acc_1",
  igUserId: "17841400000000001",
  username: "shop",
  name: null,
  profilePictureUrl: null,
  status: "active" as const,
  tokenIssuedAt: new Date("2026-01-01T00:00:00Z"),
  tokenExpiresAt: new Date("2026-03-02T00:00:00Z"),
  grantedScopes: "instagram_business_basic,instagram_business_manage_messages",
  subscribedFields: ["comments", "messages", 7],
  sendPerSecond: 100,
  mediaSendPerSecond: 10,
  privateRepliesPerHour: 750,
  commentRepliesPerHour: 600,
  conversationsPerSecond: 2,
  lastWebhookAt: null,
  lastErrorCode: 190,
  lastErrorSubcode: 460,
  lastErrorAt: new Date("2026-02-01T00:00:00Z"),
  connectedAt: new Date("2026-01-01T00:00:00Z"),
  disconnectedAt: null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-01T00:00:00Z"),
};

describe("account presentation", () => {
  it("never selects the token columns, so no query for the API can carry them", () => {
    expect(Object.keys(ACCOUNT_SELECT)).not.toContain("accessTokenCiphertext");
    expect(Object.keys(ACCOUNT_SELECT)).not.toContain("tokenKeyId");
    expect(Object.keys(ACCOUNT_SELECT)).not.toContain("appScopedUserId");
  });

  it("shows health a person can act on: status, expiry, fields, last error, limits", () => {
    const shown = presentAccount({ ...row, accessTokenCiphertext: "v1.k1.secret" } as typeof row);
    expect(shown).toMatchObject({
      status: "active",
      token: { issuedAt: "2026-01-01T00:00:00.000Z", expiresAt: "2026-03-02T00:00:00.000Z" },
      grantedScopes: ["instagram_business_basic", "instagram_business_manage_messages"],
      webhookFields: ["comments", "messages"],
      lastError: { code: 190, subcode: 460, at: "2026-02-01T00:00:00.000Z" },
      limits: { sendPerSecond: 100, privateRepliesPerHour: 750, conversationsPerSecond: 2 },
    });
    expect(JSON.stringify(shown)).not.toContain("v1.k1.secret");
  });
});

describe("what the person reads after the callback", () => {
  it("has a specific message for each code the callback redirects with", () => {
    const generic = connectErrorMessage("something-else");
    for (const code of ["denied", "account_in_other_workspace", "instagram_permissions_missing", "instagram_error", "plan_limit_reached", "forbidden"]) {
      expect(CONNECT_ERROR_CODES).toContain(code);
      expect(connectErrorMessage(code)).not.toBe(generic);
    }
    expect(connectErrorMessage("account_in_other_workspace")).toMatch(/another Replyflow workspace/);
  });

  it("never repeats what the URL said (no text injection through ?error=)", () => {
    const message = connectErrorMessage("<script>alert(1)</script> Your account was hacked, call +1 555");
    expect(message).not.toContain("script");
    expect(message).not.toContain("hacked");
  });

  it("the standalone error page escapes its message and is not cached", async () => {
    const res = connectErrorPage(409, `Used <b>twice</b> & "quoted"`);
    expect(res.status).toBe(409);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Used &#60;b&#62;twice&#60;/b&#62; &#38; &#34;quoted&#34;");
    expect(html).not.toContain("<b>");
    expect(html).toContain('role="alert"');
  });
});

import { describe, expect, it } from "vitest";
import { normalizeWebhook } from "@/lib/ingest/normalize-webhook";
import { CONNECT_SCOPES, WEBHOOK_FIELDS } from "@/lib/instagram/connect/connect-config";
import { dashboardTestBody } from "@/lib/simulator/emitter/payloads";
import { INSTAGRAM_SCOPES, WEBHOOK_FIELDS as SIMULATOR_FIELDS } from "@/lib/simulator";

describe("what a connection subscribes to and asks for", () => {
  it("subscribes only field names Instagram accepts (one unknown name fails the whole call)", () => {
    for (const field of WEBHOOK_FIELDS) expect(SIMULATOR_FIELDS).toContain(field);
    expect(new Set(WEBHOOK_FIELDS).size).toBe(WEBHOOK_FIELDS.length);
  });

  it.each(WEBHOOK_FIELDS)("the ingest path understands every subscribed field: %s", (field) => {
    const result = normalizeWebhook(dashboardTestBody(field, Date.now()), { keepTestEntries: true });
    expect(result.unknown).toEqual([]);
  });

  it("covers comments and DMs, the two things the product automates", () => {
    expect(WEBHOOK_FIELDS).toEqual(expect.arrayContaining(["comments", "messages", "messaging_postbacks"]));
  });

  it("asks for the current Instagram Login scopes only (the business_* names were retired in 2025)", () => {
    for (const s of CONNECT_SCOPES) expect(INSTAGRAM_SCOPES).toContain(s);
    expect(CONNECT_SCOPES).toEqual(["instagram_business_basic", "instagram_business_manage_messages", "instagram_business_manage_comments"]);
  });
});

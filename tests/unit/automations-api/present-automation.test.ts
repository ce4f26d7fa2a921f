import { describe, expect, it } from "vitest";
import { ZAutomationDefinition, type TAction } from "@/lib/automations/schema";
import { carryWebhookSecrets } from "@/lib/automations/services/carry-webhook-secrets";
import { definitionWarnings, parseStoredDefinition, presentAutomation, type AutomationRow } from "@/lib/automations/services/present-automation";

const hook = (url: string, secret?: string): TAction => ({ type: "webhook", url, ...(secret ? { secret } : {}) }) as TAction;
const row = (actions: unknown): AutomationRow => ({
  id: "a1",
  accountId: "acc",
  name: "N",
  status: "active",
  priority: 0,
  triggerType: "dm_any",
  trigger: { type: "dm_any" },
  conditions: { keywords: { mode: "any", values: [] }, excludeKeywords: [], reentry: { policy: "always" }, audience: "all" },
  actions,
  version: 3,
  createdById: null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-02T00:00:00Z"),
});

describe("webhook secrets are write-only", () => {
  it("are replaced by hasSecret in every response", () => {
    const out = presentAutomation(row([hook("https://a.example/x", "0123456789abcdef0"), hook("https://b.example/y"), { type: "dm", message: { text: "hi" } }]));
    expect(JSON.stringify(out)).not.toContain("0123456789abcdef0");
    expect(out.definition.actions).toEqual([
      { type: "webhook", url: "https://a.example/x", hasSecret: true },
      { type: "webhook", url: "https://b.example/y", hasSecret: false },
      { type: "dm", message: { text: "hi" } },
    ]);
  });

  it("are carried over for the same URL when an update leaves them out, never to a new URL", () => {
    const stored = [hook("https://a.example/x", "0123456789abcdef0")];
    expect(carryWebhookSecrets([hook("https://a.example/x")], stored)).toEqual([hook("https://a.example/x", "0123456789abcdef0")]);
    expect(carryWebhookSecrets([hook("https://evil.example/x")], stored)).toEqual([hook("https://evil.example/x")]);
    expect(carryWebhookSecrets([hook("https://a.example/x", "another-secret-123")], stored)).toEqual([hook("https://a.example/x", "another-secret-123")]);
  });
});

describe("definition warnings", () => {
  it("are the engine's warnings with a dotted path under definition", () => {
    const def = ZAutomationDefinition.parse({
      trigger: { type: "comment", posts: { mode: "any" } },
      actions: [{ type: "private_reply", message: { text: "hi" } }, { type: "delay", seconds: 5 }],
    });
    expect(definitionWarnings(def)).toEqual([{ path: "definition.actions.1", code: "trailing_delay", message: "A delay at the end does nothing" }]);
  });

  it("flag a stored definition that no longer validates instead of failing the request", () => {
    expect(parseStoredDefinition(row([{ type: "teleport" }]))).toBeNull();
    expect(definitionWarnings(null)).toEqual([expect.objectContaining({ code: "invalid_definition" })]);
  });
});

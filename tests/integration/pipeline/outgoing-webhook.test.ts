import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import { sendWebhook } from "@/lib/pipeline/outbound/send-webhook";
import { useTestDatabase } from "../../helpers/isolation";
import { createAutomation, seedWorkspace } from "./harness";

const SECRET = "whsec-0123456789abcdef";

describe("the signed outgoing webhook action", () => {
  let server: Server;
  let url: string;
  let status = 200;
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];

  beforeAll(async () => {
    await useTestDatabase();
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += String(c)));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://localhost:${(server.address() as AddressInfo).port}/hook`;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("POSTs the event signed with the action's secret (read at send time), with a delivery id to dedupe on", async () => {
    const tenant = await seedWorkspace("hooks");
    const account = await primary().instagramAccount.create({ data: { tenantId: tenant.id, igUserId: "17841400000000901", username: "shop", subscribedFields: [] } });
    const automation = await createAutomation(tenant.id, account.id, "CRM", { trigger: { type: "dm_any" }, actions: [{ type: "webhook", url, secret: SECRET }] });
    const base = { tenantId: tenant.id, automationId: automation.id, actionIndex: 0, outboundId: "42", url, body: { type: "instagram.dm", event: { text: "hi" } } };

    expect(await sendWebhook(base)).toEqual({ ok: true, status: 200 });
    const [got] = received;
    expect(JSON.parse(got!.body)).toEqual({ type: "instagram.dm", event: { text: "hi" }, deliveryId: "rf_42" });
    expect(got!.headers["x-replyflow-signature"]).toBe(`sha256=${createHmac("sha256", SECRET).update(got!.body).digest("hex")}`);
    expect(got!.headers["x-replyflow-delivery"]).toBe("rf_42");

    status = 503;
    expect(await sendWebhook(base)).toEqual({ ok: false, retryable: true, reason: "The webhook answered HTTP 503" });
    status = 410;
    expect(await sendWebhook(base)).toEqual({ ok: false, retryable: false, reason: "The webhook answered HTTP 410" });
    expect(await sendWebhook({ ...base, url: "http://169.254.169.254/latest/meta-data" })).toMatchObject({ ok: false, retryable: false });
    expect(await sendWebhook({ ...base, actionIndex: 3 })).toEqual({ ok: false, retryable: false, reason: "The automation's webhook action no longer exists" });
  });
});

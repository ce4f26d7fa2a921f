import { createHmac } from "node:crypto";
import { ALLOW_LOCALHOST_WEBHOOKS, isAllowedWebhookUrl } from "@/lib/automations/webhook-url";
import { ZAction } from "@/lib/automations/schema";
import { getDb } from "@/lib/db";
import { reasons } from "../reasons";

export type WebhookOutcome = { ok: true; status: number } | { ok: false; retryable: boolean; reason: string };

const TIMEOUT_MS = 10_000;

/** The action's secret is read at send time, so it never sits in a row or a job payload. */
async function secretOf(tenantId: string, automationId: string, actionIndex: number): Promise<{ found: boolean; secret?: string }> {
  const a = await getDb(tenantId).db.automation.findFirst({ where: { id: automationId }, select: { actions: true } });
  const raw = Array.isArray(a?.actions) ? (a.actions as unknown[])[actionIndex] : undefined;
  const parsed = ZAction.safeParse(raw);
  if (!parsed.success || parsed.data.type !== "webhook") return { found: false };
  return { found: true, secret: parsed.data.secret };
}

/**
 * POSTs the event summary to the tenant's webhook, signed like Meta signs ours:
 * `X-Replyflow-Signature: sha256=<hex HMAC of the raw body>` with the action's secret, and a
 * delivery id the receiver can dedupe on (a retry after a timeout repeats it). The URL is
 * checked again here: it is tenant input and the request leaves from our network.
 */
export async function sendWebhook(i: { tenantId: string; automationId: string; actionIndex: number; outboundId: string; url: string; body: Record<string, unknown> }): Promise<WebhookOutcome> {
  if (!isAllowedWebhookUrl(i.url, ALLOW_LOCALHOST_WEBHOOKS)) return { ok: false, retryable: false, reason: reasons.webhookUrlRefused() };
  const { found, secret } = await secretOf(i.tenantId, i.automationId, i.actionIndex);
  if (!found) return { ok: false, retryable: false, reason: reasons.webhookSecretMissing() };
  const raw = JSON.stringify({ ...i.body, deliveryId: `rf_${i.outboundId}` });
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Replyflow-Webhooks/1", "x-replyflow-delivery": `rf_${i.outboundId}` };
  if (secret) headers["x-replyflow-signature"] = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  try {
    const res = await fetch(i.url, { method: "POST", headers, body: raw, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
    return { ok: false, retryable, reason: reasons.webhookFailed(res.status) };
  } catch (err) {
    return { ok: false, retryable: true, reason: reasons.webhookUnreachable((err as Error).name) };
  }
}

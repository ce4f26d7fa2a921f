import type { Logger } from "pino";
import type { TInboundEvent } from "@/lib/events/inbound-event";
import type { TProcessEventJob } from "@/lib/events/process-event-job";
import type { TDirectoryEntry } from "@/lib/instagram/account-directory";
import type { TRecordEchoJob } from "@/lib/pipeline/jobs/record-echo-job";
import { metrics } from "@/lib/observability/metrics";
import { normalizeWebhook, type NormalizeResult } from "./normalize-webhook";
import { createSignatureVerifier } from "./verify-signature";
import { parseWebhookJson, WebhookShapeError } from "./webhook-shape-error";

/**
 * The webhook receiver shared by the standalone ingest process and the Next.js route: verify,
 * route, enqueue, answer — nothing else (SPEC §2, §5). It is transport-free: callers hand it
 * the method, query, signature header and raw body bytes, and send back what it returns.
 */

export const MAX_WEBHOOK_BYTES = 1024 * 1024;
/**
 * How long a delivery may wait for Redis. Past it the answer is 503 and Meta redelivers; if the
 * late enqueue lands after all, the deterministic job id and the WebhookEvent row dedupe it.
 */
export const ENQUEUE_TIMEOUT_MS = 3_000;

/**
 * Bounds a promise without a timer per request: at thousands of deliveries a second, a
 * setTimeout/clearTimeout pair each was a measurable cost, so one coarse sweep (every 100 ms)
 * rejects whatever has passed its deadline.
 */
const waiting = new Set<{ deadline: number; reject: (err: Error) => void }>();
let sweeper: NodeJS.Timeout | undefined;
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  if (!sweeper) {
    sweeper = setInterval(() => {
      const now = Date.now();
      for (const w of waiting) if (w.deadline <= now) (waiting.delete(w), w.reject(new Error(`no answer from the queue within ${ms} ms`)));
    }, 100);
    sweeper.unref();
  }
  return new Promise<T>((resolve, reject) => {
    const entry = { deadline: Date.now() + ms, reject };
    waiting.add(entry);
    p.then(
      (v) => (waiting.delete(entry), resolve(v)),
      (e) => (waiting.delete(entry), reject(e)),
    );
  });
}

export type WebhookRequest = {
  method: string;
  query: URLSearchParams;
  signature: string | undefined;
  /** Raw bytes exactly as received; undefined when the caller refused an oversized body. */
  body: Buffer | undefined;
  tooLarge?: boolean;
};
export type WebhookResponse = { status: number; contentType: string; body: string };

export type ReceiverDeps = {
  secrets: string[];
  verifyToken: string;
  resolveAccount: (igUserId: string) => Promise<TDirectoryEntry | null>;
  /** Durably enqueues the jobs; resolves only once Redis has them (or throws). */
  enqueue: (jobs: TProcessEventJob[]) => Promise<void>;
  /** Durably enqueues our own sends coming back (reconciliation of ambiguous sends); optional. */
  enqueueEchoes?: (jobs: TRecordEchoJob[]) => Promise<void>;
  log: Logger;
  now?: () => number;
};

const text = (status: number, body: string): WebhookResponse => ({ status, contentType: "text/plain; charset=utf-8", body });
const problem = (status: number, code: string, detail: string): WebhookResponse => ({
  status,
  contentType: "application/problem+json",
  body: JSON.stringify({ type: `https://replyflow.dev/problems/${code}`, title: detail, status, code, detail }),
});

export function createWebhookReceiver(deps: ReceiverDeps) {
  const verify = createSignatureVerifier(deps.secrets);
  // Label children are resolved once per outcome: prom-client hashes labels on every inc().
  const counters = new Map<string, { inc(n: number): void }>();
  const count = (outcome: string, n = 1) => {
    if (n <= 0) return;
    let c = counters.get(outcome);
    if (!c) counters.set(outcome, (c = metrics().webhookEvents.labels({ outcome })));
    c.inc(n);
  };
  const now = deps.now ?? Date.now;

  function handshake(query: URLSearchParams): WebhookResponse {
    const mode = query.get("hub.mode") ?? query.get("hub_mode");
    const token = query.get("hub.verify_token") ?? query.get("hub_verify_token");
    const challenge = query.get("hub.challenge") ?? query.get("hub_challenge") ?? "";
    if (mode !== "subscribe" || token !== deps.verifyToken) return problem(403, "verification_failed", "Verify token does not match");
    // Echo only plain tokens, so the endpoint cannot be used to reflect markup.
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(challenge)) return problem(400, "invalid_challenge", "hub.challenge must be alphanumeric");
    return text(200, challenge);
  }

  async function route(events: TInboundEvent[], receivedAt: number): Promise<TProcessEventJob[]> {
    const jobs: TProcessEventJob[] = [];
    const byAccount = new Map<string, TDirectoryEntry | null>();
    for (const event of events) {
      if (!byAccount.has(event.accountId)) byAccount.set(event.accountId, await deps.resolveAccount(event.accountId));
      const account = byAccount.get(event.accountId);
      if (!account) {
        count("unknown_account");
        continue;
      }
      if (account.status === "disconnected") {
        count("disconnected_account");
        continue;
      }
      // reconnect_required and paused accounts still record their events: the contact's 24-hour
      // window and the activity log stay true, and the worker decides not to send.
      jobs.push({ tenantId: account.tenantId, accountId: account.accountId, igUserId: event.accountId, receivedAt, event });
    }
    return jobs;
  }

  /** Echoes of accounts we know, as jobs; a delivery without any costs nothing. */
  async function routeEchoes(echoes: NormalizeResult["echoes"]): Promise<TRecordEchoJob[]> {
    if (!deps.enqueueEchoes || echoes.length === 0) return [];
    const jobs: TRecordEchoJob[] = [];
    for (const echo of echoes) {
      const account = await deps.resolveAccount(echo.igUserId);
      if (account && account.status !== "disconnected") jobs.push({ tenantId: account.tenantId, accountId: account.accountId, echo });
    }
    return jobs;
  }

  async function receive(req: WebhookRequest): Promise<WebhookResponse> {
    if (req.tooLarge || (req.body && req.body.length > MAX_WEBHOOK_BYTES)) {
      count("rejected_too_large");
      return problem(413, "payload_too_large", "Webhook body is larger than 1 MiB");
    }
    const body = req.body ?? Buffer.alloc(0);
    if (!verify(body, req.signature)) {
      count("rejected_signature");
      return problem(401, "invalid_signature", "X-Hub-Signature-256 is missing or does not match");
    }
    let normalized: ReturnType<typeof normalizeWebhook>;
    try {
      normalized = normalizeWebhook(parseWebhookJson(body));
    } catch (err) {
      if (!(err instanceof WebhookShapeError)) throw err;
      count("rejected_malformed");
      return problem(400, err.code, err.message);
    }
    for (const d of normalized.dropped) count(`dropped_${d.reason}`, d.count);
    for (const u of normalized.unknown) count(u.field ? "unknown_field" : "unknown_object", u.count);

    try {
      const enqueued = await within(
        Promise.all([
          route(normalized.events, now()).then(async (jobs) => {
            if (jobs.length > 0) await deps.enqueue(jobs);
            return jobs.length;
          }),
          // Acknowledged only once the echoes are queued too: a lost echo could mean a resend.
          routeEchoes(normalized.echoes).then(async (jobs) => {
            if (jobs.length > 0) await deps.enqueueEchoes?.(jobs);
          }),
        ]).then(([n]) => n),
        ENQUEUE_TIMEOUT_MS,
      );
      count("enqueued", enqueued);
    } catch (err) {
      // Not acknowledged, so Meta delivers it again; nothing is lost.
      deps.log.error({ err, events: normalized.events.length }, "webhook events could not be routed or enqueued; answering 503 so Meta retries");
      count("enqueue_failed", normalized.events.length);
      return problem(503, "enqueue_failed", "Events could not be queued; retry later");
    }
    return text(200, "EVENT_RECEIVED");
  }

  return {
    async handle(req: WebhookRequest): Promise<WebhookResponse> {
      if (req.method === "GET") return handshake(req.query);
      if (req.method === "POST") return receive(req);
      return problem(405, "method_not_allowed", "Use GET for verification or POST for events");
    },
  };
}
export type WebhookReceiver = ReturnType<typeof createWebhookReceiver>;

import type { Logger } from "pino";
import type { Clock } from "../clock";
import type { Rng } from "../rng";
import { type EmitterConfig } from "./config";
import { verifyCallback, type HandshakeResult } from "./handshake";
import { buildBody, type WebhookBody, type WebhookEvent } from "./payloads";
import { metaJson, signBody } from "./serialize";
import { makeAgents, request } from "./transport";

export type EmitterCounters = {
  /** Events accepted for delivery (after the subscription filter). */
  enqueued: number;
  /** Events not sent because the account or app is not subscribed to their field, or no callback is set. */
  filtered: number;
  duplicated: number;
  delayed: number;
  /** HTTP POSTs made, first attempts and retries alike. */
  posted: number;
  /** POSTs answered 2xx in time. */
  acknowledged: number;
  /** Redeliveries scheduled after a failed POST. */
  retried: number;
  /** Batches given up after the retry horizon. */
  failed: number;
  /** Events discarded because the queue was full or the emitter closed. */
  dropped: number;
  eventsDelivered: number;
  eventsFailed: number;
  /** Accounts unsubscribed after failing longer than `unsubscribeAfterMs`. */
  unsubscribed: number;
  /** Events waiting, in flight or awaiting a retry. */
  outstanding: number;
  inFlight: number;
  lastError: string | null;
};

export type EmitterDeps = {
  secret: string;
  clock: Clock;
  rng: Rng;
  log: Logger;
  /** Whether the account is subscribed (subscribed_apps) to the field. */
  accountSubscribed(accountId: string, field: string): boolean;
  unsubscribe(accountId: string): void;
};

type Batch = { raw: Buffer; sha256: string; sha1: string; events: number; accounts: string[]; attempts: number; firstAttemptAt: number };

/**
 * Drives the app's webhook endpoint the way Meta does (reference §1.3–1.4, §7): signed,
 * escaped-unicode bodies; several entries and items per POST; retries on non-2xx or a slow
 * answer, immediately and then less and less often until a horizon; duplicates, reordering and
 * delays on demand. `flush()`/`idle()` let tests await every delivery.
 */
export class WebhookEmitter {
  private config: EmitterConfig;
  private pending: WebhookEvent[] = [];
  private lingerTimer: NodeJS.Timeout | null = null;
  private ready: Batch[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private closed = false;
  private agents: ReturnType<typeof makeAgents>;
  private readonly c: EmitterCounters = {
    enqueued: 0, filtered: 0, duplicated: 0, delayed: 0, posted: 0, acknowledged: 0, retried: 0, failed: 0,
    dropped: 0, eventsDelivered: 0, eventsFailed: 0, unsubscribed: 0, outstanding: 0, inFlight: 0, lastError: null,
  };

  constructor(config: EmitterConfig, private readonly deps: EmitterDeps) {
    this.config = config;
    this.agents = makeAgents(config.maxInFlight);
  }

  get settings(): EmitterConfig {
    return { ...this.config, retry: { ...this.config.retry, delaysMs: [...this.config.retry.delaysMs] } };
  }

  configure(patch: Partial<EmitterConfig>): EmitterConfig {
    this.config = { ...this.config, ...patch };
    this.agents.http.maxSockets = this.config.maxInFlight;
    this.agents.https.maxSockets = this.config.maxInFlight;
    return this.settings;
  }

  /** Whether an event for this field would be delivered for this account right now. */
  accepts(accountId: string, field: string): boolean {
    if (!this.config.callbackUrl) return false;
    return (this.config.appFields as string[]).includes(field) && this.deps.accountSubscribed(accountId, field);
  }

  emit(event: WebhookEvent): void {
    if (this.closed) {
      this.c.dropped++;
      return;
    }
    if (!this.accepts(event.accountId, event.field)) {
      this.c.filtered++;
      return;
    }
    this.c.enqueued++;
    const { rng } = this.deps;
    if (this.config.delayMs > 0 && rng.chance(this.config.delayProbability)) {
      this.c.delayed++;
      this.later(1 + rng.int(this.config.delayMs), () => this.push(event));
    } else {
      this.push(event);
    }
    if (rng.chance(this.config.duplicateProbability)) {
      this.c.duplicated++;
      // A little later, so the copy usually lands in another batch, as Meta's do.
      this.later(1 + rng.int(this.config.lingerMs * 4 + 20), () => this.push(event));
    }
  }

  /** Sends a ready-made body as one POST (the dashboard "Test" button), bypassing subscriptions. */
  emitBody(body: WebhookBody): void {
    if (this.closed || !this.config.callbackUrl) {
      this.c.filtered++;
      return;
    }
    this.c.outstanding++;
    this.ready.push(this.sealed(body, 1, []));
    this.pump();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
      this.settle();
    }, ms);
    this.timers.add(t);
  }

  private push(event: WebhookEvent): void {
    if (this.closed || this.c.outstanding >= this.config.maxQueue) {
      this.c.dropped++;
      return;
    }
    this.c.outstanding++;
    this.pending.push(event);
    if (this.pending.length >= this.config.maxBatch) this.cut();
    else if (!this.lingerTimer) this.lingerTimer = setTimeout(() => this.cut(), this.config.lingerMs);
  }

  /** Turns everything pending into batches now. */
  private cut(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    while (this.pending.length) {
      let events = this.pending.splice(0, this.config.maxBatch);
      if (this.deps.rng.chance(this.config.reorderProbability)) events = this.deps.rng.shuffle([...events]);
      const body = buildBody(events, this.config.commentEnvelope, this.deps.clock.now());
      this.ready.push(this.sealed(body, events.length, [...new Set(events.map((e) => e.accountId))]));
    }
    this.pump();
  }

  private sealed(body: WebhookBody, events: number, accounts: string[]): Batch {
    const raw = Buffer.from(metaJson(body, this.config.escapeSlashes), "utf8");
    const sig = signBody(this.deps.secret, raw);
    return { raw, sha256: sig.sha256, sha1: sig.sha1, events, accounts, attempts: 0, firstAttemptAt: Date.now() };
  }

  private pump(): void {
    while (this.c.inFlight < this.config.maxInFlight && this.ready.length) {
      const batch = this.ready.shift() as Batch;
      void this.deliver(batch);
    }
    this.settle();
  }

  private async deliver(batch: Batch): Promise<void> {
    const url = this.config.callbackUrl;
    if (!url || this.closed) {
      this.c.dropped += batch.events;
      this.c.outstanding -= batch.events;
      return;
    }
    this.c.inFlight++;
    this.c.posted++;
    batch.attempts++;
    const target = new URL(url);
    const res = await request(target, {
      method: "POST",
      timeoutMs: this.config.timeoutMs,
      body: batch.raw,
      agent: target.protocol === "https:" ? this.agents.https : this.agents.http,
      headers: {
        "content-type": "application/json",
        "content-length": batch.raw.length,
        "x-hub-signature-256": batch.sha256,
        "x-hub-signature": batch.sha1,
        "user-agent": "facebookexternalua",
      },
    });
    this.c.inFlight--;
    if (res.status >= 200 && res.status < 300) {
      this.c.acknowledged++;
      this.c.eventsDelivered += batch.events;
      this.c.outstanding -= batch.events;
    } else {
      this.c.lastError = res.error ?? `HTTP ${res.status}`;
      this.retryOrFail(batch);
    }
    this.pump();
  }

  private retryOrFail(batch: Batch): void {
    const { delaysMs, horizonMs } = this.config.retry;
    const delay = delaysMs[Math.min(batch.attempts - 1, delaysMs.length - 1)] ?? 0;
    const failingFor = Date.now() - batch.firstAttemptAt;
    if (this.config.unsubscribeAfterMs !== null && failingFor >= this.config.unsubscribeAfterMs) {
      for (const id of batch.accounts) this.deps.unsubscribe(id);
      this.c.unsubscribed += batch.accounts.length;
      batch.accounts = [];
    }
    if (this.closed || failingFor + delay > horizonMs) {
      this.c.failed++;
      this.c.eventsFailed += batch.events;
      this.c.outstanding -= batch.events;
      this.deps.log.warn({ attempts: batch.attempts, events: batch.events, lastError: this.c.lastError }, "webhook batch given up");
      return;
    }
    this.c.retried++;
    this.deps.log.debug({ attempts: batch.attempts, delay, lastError: this.c.lastError }, "webhook delivery failed, will retry");
    this.later(delay, () => {
      this.ready.push(batch);
      this.pump();
    });
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.ready.length === 0 && this.c.inFlight === 0 && this.timers.size === 0;
  }

  private settle(): void {
    if (this.waiters.length === 0 || !this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once nothing is pending, in flight, delayed or awaiting a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Sends whatever is lingering now, then waits for idle. */
  flush(): Promise<void> {
    this.cut();
    return this.idle();
  }

  verify(opts: { verifyToken?: string; callbackUrl?: string } = {}): Promise<HandshakeResult> {
    const url = opts.callbackUrl ?? this.config.callbackUrl;
    if (!url) return Promise.resolve({ ok: false, status: 0, challenge: "", body: "", reason: "no callback URL configured" });
    return verifyCallback(url, opts.verifyToken ?? this.config.verifyToken, this.config.timeoutMs, this.deps.rng);
  }

  counters(): EmitterCounters {
    return { ...this.c };
  }

  /** Stops every timer; whatever was not delivered yet counts as dropped. */
  close(): void {
    this.closed = true;
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.c.dropped += this.pending.length + this.ready.reduce((n, b) => n + b.events, 0);
    this.pending = [];
    this.ready = [];
    this.agents.http.destroy();
    this.agents.https.destroy();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

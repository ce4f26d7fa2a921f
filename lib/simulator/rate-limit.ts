import { RATE_CLASSES, type AccountLimits, type LimitSpec, type RateClass } from "./options";

/**
 * Per-account sliding windows (reference §3.1). A "violation" is a call that arrived when its
 * window already held `limit` calls: the benchmarks assert there are none, so a violation must
 * always be a real breach of N calls within some window of the configured length.
 *
 * Windows up to EXACT_MAX calls keep every accepted timestamp in a growable ring (memory
 * follows the calls actually in the window, O(1) amortised per call). Bigger budgets (the
 * 24-hour BUC) use sub-window counters that only count buckets lying wholly inside the window:
 * a rejection is still a real breach, at the price of admitting up to 1/120 of the window late.
 */
const EXACT_MAX = 100_000;
const BUCKETS = 120;

interface Window {
  readonly limit: number;
  tryAcquire(now: number): boolean;
  count(now: number): number;
  msUntilFree(now: number): number;
}

export class ExactWindow implements Window {
  private buf: Float64Array;
  private head = 0;
  private size = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    this.buf = new Float64Array(Math.min(limit, 16));
  }

  private evict(now: number): void {
    const edge = now - this.windowMs;
    const cap = this.buf.length;
    while (this.size > 0 && (this.buf[this.head] as number) <= edge) {
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
  }

  tryAcquire(now: number): boolean {
    this.evict(now);
    if (this.size >= this.limit) return false;
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) % this.buf.length] = now;
    this.size++;
    return true;
  }

  private grow(): void {
    const next = new Float64Array(Math.min(this.limit, this.buf.length * 2));
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) % this.buf.length] as number;
    this.buf = next;
    this.head = 0;
  }

  count(now: number): number {
    this.evict(now);
    return this.size;
  }

  msUntilFree(now: number): number {
    this.evict(now);
    return this.size < this.limit ? 0 : (this.buf[this.head] as number) + this.windowMs - now;
  }
}

export class BucketWindow implements Window {
  private readonly counts: Float64Array;
  private readonly bucketMs: number;
  /** Buckets counted: all of them lie wholly inside the window, so no false violations. */
  private readonly slots: number;
  private current = -1;
  private total = 0;

  constructor(
    readonly limit: number,
    windowMs: number,
  ) {
    this.bucketMs = Math.max(1, Math.floor(windowMs / BUCKETS));
    this.slots = Math.max(1, Math.floor(windowMs / this.bucketMs));
    this.counts = new Float64Array(this.slots);
  }

  private roll(now: number): number {
    const abs = Math.floor(now / this.bucketMs);
    if (this.current < 0) this.current = abs;
    const steps = Math.min(abs - this.current, this.slots);
    for (let i = 1; i <= steps; i++) {
      const slot = (this.current + i) % this.slots;
      this.total -= this.counts[slot] as number;
      this.counts[slot] = 0;
    }
    if (abs > this.current) this.current = abs;
    return abs;
  }

  tryAcquire(now: number): boolean {
    const slot = this.roll(now) % this.slots;
    if (this.total >= this.limit) return false;
    this.counts[slot] = (this.counts[slot] as number) + 1;
    this.total++;
    return true;
  }

  count(now: number): number {
    this.roll(now);
    return this.total;
  }

  msUntilFree(now: number): number {
    const abs = this.roll(now);
    if (this.total < this.limit) return 0;
    for (let b = abs - this.slots + 1; b <= abs; b++) {
      if ((this.counts[b % this.slots] as number) > 0) return (b + this.slots) * this.bucketMs - now;
    }
    return this.bucketMs;
  }
}

export function makeWindow(spec: LimitSpec): Window {
  return spec.limit <= EXACT_MAX ? new ExactWindow(spec.limit, spec.windowMs) : new BucketWindow(spec.limit, spec.windowMs);
}

export type Usage = { ok: boolean; pct: number; waitMs: number };

export type ViolationSample = { accountId: string; cls: RateClass | "app"; at: number; limit: number; windowMs: number };

/** Every call that exceeded a limit, kept as totals (never evicted) plus recent samples. */
export class Violations {
  total = 0;
  byClass: Partial<Record<RateClass | "app", number>> = {};
  readonly byAccount = new Map<string, number>();
  /** Calls that arrived while an injected throttle was in force (not limit breaches). */
  duringThrottle = 0;
  private samples: ViolationSample[] = [];

  constructor(private readonly cap: number) {}

  record(sample: ViolationSample): void {
    this.total++;
    this.byClass[sample.cls] = (this.byClass[sample.cls] ?? 0) + 1;
    this.byAccount.set(sample.accountId, (this.byAccount.get(sample.accountId) ?? 0) + 1);
    this.samples.push(sample);
    if (this.samples.length > this.cap) this.samples.shift();
  }

  snapshot(): { total: number; byClass: Partial<Record<RateClass | "app", number>>; byAccount: Record<string, number>; duringThrottle: number; recent: ViolationSample[] } {
    return { total: this.total, byClass: { ...this.byClass }, byAccount: Object.fromEntries(this.byAccount), duringThrottle: this.duringThrottle, recent: [...this.samples] };
  }

  reset(): void {
    this.total = 0;
    this.byClass = {};
    this.byAccount.clear();
    this.duringThrottle = 0;
    this.samples = [];
  }
}

const CLASS_INDEX = Object.fromEntries(RATE_CLASSES.map((c, i) => [c, i])) as Record<RateClass, number>;

export class RateLimiter {
  private readonly accounts = new Map<string, (Window | undefined)[]>();
  private app: Window;
  readonly violations: Violations;

  constructor(
    private readonly limitsOf: (accountId: string) => AccountLimits | undefined,
    appLimit: LimitSpec,
    violationSamples: number,
  ) {
    this.app = makeWindow(appLimit);
    this.violations = new Violations(violationSamples);
  }

  private window(accountId: string, cls: RateClass): Window | undefined {
    let windows = this.accounts.get(accountId);
    if (!windows) {
      windows = new Array<Window | undefined>(RATE_CLASSES.length);
      this.accounts.set(accountId, windows);
    }
    const idx = CLASS_INDEX[cls];
    let w = windows[idx];
    if (!w) {
      const limits = this.limitsOf(accountId);
      if (!limits) return undefined;
      w = makeWindow(limits[cls]);
      windows[idx] = w;
    }
    return w;
  }

  /** Counts the call if there is room; otherwise records a violation. */
  acquire(accountId: string, cls: RateClass, now: number): Usage {
    const w = this.window(accountId, cls);
    if (!w) return { ok: true, pct: 0, waitMs: 0 };
    if (w.tryAcquire(now)) return { ok: true, pct: pct(w.count(now), w.limit), waitMs: 0 };
    const limits = this.limitsOf(accountId);
    this.violations.record({ accountId, cls, at: now, limit: w.limit, windowMs: limits?.[cls].windowMs ?? 0 });
    return { ok: false, pct: 100, waitMs: w.msUntilFree(now) };
  }

  acquireApp(now: number, windowMs: number): Usage {
    if (this.app.tryAcquire(now)) return { ok: true, pct: pct(this.app.count(now), this.app.limit), waitMs: 0 };
    this.violations.record({ accountId: "app", cls: "app", at: now, limit: this.app.limit, windowMs });
    return { ok: false, pct: 100, waitMs: this.app.msUntilFree(now) };
  }

  /** New limits take effect with fresh windows (the old counts are dropped). */
  resetAccount(accountId: string): void {
    this.accounts.delete(accountId);
  }

  setAppLimit(spec: LimitSpec): void {
    this.app = makeWindow(spec);
  }

  reset(appLimit: LimitSpec): void {
    this.accounts.clear();
    this.app = makeWindow(appLimit);
    this.violations.reset();
  }
}

function pct(count: number, limit: number): number {
  return Math.min(100, Math.floor((count * 100) / limit));
}

/**
 * `X-Business-Use-Case-Usage` (reference §3.2): keyed by the account, type "instagram", usage
 * as percentages and the wait in minutes. The simulator has no CPU model, so total_cputime and
 * total_time report the call-count percentage too.
 */
export function bucUsageHeader(accountId: string, usage: Usage): string {
  const minutes = usage.ok ? 0 : Math.max(1, Math.ceil(usage.waitMs / 60_000));
  return JSON.stringify({
    [accountId]: [{ type: "instagram", call_count: usage.pct, total_cputime: usage.pct, total_time: usage.pct, estimated_time_to_regain_access: minutes }],
  });
}

export function appUsageHeader(usage: Usage): string {
  return JSON.stringify({ call_count: usage.pct, total_cputime: usage.pct, total_time: usage.pct });
}

/** Both usage headers, each present only once its usage reached the threshold ("after enough calls"). */
export function usageHeaders(accountId: string, account: Usage | null, app: Usage, thresholdPct: number): Record<string, string> | undefined {
  let headers: Record<string, string> | undefined;
  if (account && (account.pct >= thresholdPct || !account.ok)) headers = { "x-business-use-case-usage": bucUsageHeader(accountId, account) };
  if (app.pct >= thresholdPct || !app.ok) (headers ??= {})["x-app-usage"] = appUsageHeader(app);
  return headers;
}

import { z } from "zod";
import type { Rng } from "./rng";

/** What a Graph call does, for fault targeting (and the send record's `endpoint`). */
export const ENDPOINT_CLASSES = [
  "dm",
  "private_reply",
  "sender_action",
  "comment_reply",
  "moderation",
  "read",
  "profile",
  "subscriptions",
  "messenger_profile",
  "conversations",
  "me",
  "token",
  "oauth",
] as const;
export type EndpointClass = (typeof ENDPOINT_CLASSES)[number];

const GROUPS: Record<string, readonly EndpointClass[]> = {
  messages: ["dm", "private_reply", "sender_action"],
  comments: ["comment_reply", "moderation"],
};

export const FAULT_KINDS = ["transient", "sent_but_errored", "slow", "reset", "revoke_token", "throttle"] as const;

export const ZFaultInput = z
  .object({
    kind: z.enum(FAULT_KINDS),
    /** Only calls made with this account's token; omitted = every account (and OAuth calls). */
    accountId: z.string().min(1).optional(),
    endpoint: z.enum(["any", "messages", "comments", ...ENDPOINT_CLASSES]).default("any"),
    /** Fire on the next N matching calls. Default 1 when no probability is given. */
    count: z.number().int().min(1).max(10_000_000).optional(),
    /** Fire on each matching call with this probability (for as long as the rule exists, or `count`). */
    probability: z.number().min(0).max(1).optional(),
    /** Let this many matching calls through first (e.g. "revoke the token mid-run"). */
    skip: z.number().int().min(0).default(0),
    /** transient: Graph code 1 (unknown) or 2 (service), answered with HTTP 500 or 503. */
    code: z.union([z.literal(1), z.literal(2)]).default(1),
    httpStatus: z.union([z.literal(500), z.literal(503)]).optional(),
    /** slow: added latency before the call is processed (it is still processed). */
    delayMs: z.number().int().min(1).max(120_000).optional(),
    /** throttle: how long the account stays throttled, and which calls it affects. */
    seconds: z.number().min(0.001).max(86_400).default(60),
    throttleScope: z.enum(["messaging", "buc", "all"]).default("all"),
  })
  .strict()
  .refine((f) => f.kind !== "slow" || f.delayMs !== undefined, { message: "a slow fault needs delayMs", path: ["delayMs"] });
export type TFaultInput = z.input<typeof ZFaultInput>;
type FaultSpec = z.output<typeof ZFaultInput>;

export type FaultRule = FaultSpec & { id: string; matched: number; fired: number; remaining: number | null };

const NONE: readonly FaultRule[] = [];

export class FaultInjector {
  private rules: FaultRule[] = [];
  private readonly throttles = new Map<string, { until: number; scope: "messaging" | "buc" | "all" }>();
  private seq = 0;
  readonly fired: Record<(typeof FAULT_KINDS)[number], number> = { transient: 0, sent_but_errored: 0, slow: 0, reset: 0, revoke_token: 0, throttle: 0 };

  constructor(private readonly rng: Rng) {}

  add(input: TFaultInput): FaultRule {
    const spec = ZFaultInput.parse(input);
    const remaining = spec.count ?? (spec.probability === undefined ? 1 : null);
    const rule: FaultRule = { ...spec, id: `fault_${++this.seq}`, matched: 0, fired: 0, remaining };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  /** The rules that fire for this call, in insertion order; exhausted rules are dropped. */
  match(accountId: string | null, endpoint: EndpointClass): readonly FaultRule[] {
    if (this.rules.length === 0) return NONE;
    let fired: FaultRule[] | undefined;
    let exhausted = false;
    for (const rule of this.rules) {
      if (rule.accountId !== undefined && rule.accountId !== accountId) continue;
      if (rule.endpoint !== "any" && rule.endpoint !== endpoint && !GROUPS[rule.endpoint]?.includes(endpoint)) continue;
      rule.matched++;
      if (rule.matched <= rule.skip) continue;
      if (rule.remaining !== null && rule.remaining <= 0) continue;
      if (rule.probability !== undefined && !this.rng.chance(rule.probability)) continue;
      if (rule.remaining !== null && --rule.remaining === 0) exhausted = true;
      rule.fired++;
      this.fired[rule.kind]++;
      (fired ??= []).push(rule);
    }
    if (exhausted) this.rules = this.rules.filter((r) => r.remaining !== 0);
    return fired ?? NONE;
  }

  throttle(accountId: string, until: number, scope: "messaging" | "buc" | "all"): void {
    this.throttles.set(accountId, { until, scope });
  }

  /** Milliseconds the account stays throttled for this kind of call (0 = not throttled). */
  throttledMs(accountId: string, messaging: boolean, now: number): number {
    if (this.throttles.size === 0) return 0;
    const t = this.throttles.get(accountId);
    if (!t) return 0;
    if (t.until <= now) {
      this.throttles.delete(accountId);
      return 0;
    }
    if (t.scope === "all" || (t.scope === "messaging") === messaging) return t.until - now;
    return 0;
  }

  clear(): void {
    this.rules = [];
    this.throttles.clear();
  }

  reset(): void {
    this.clear();
    for (const k of Object.keys(this.fired) as (keyof typeof this.fired)[]) this.fired[k] = 0;
  }
}

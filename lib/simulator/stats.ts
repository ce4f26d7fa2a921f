import { graphTime } from "./clock";
import type { SimContext } from "./context";
import type { EmitterCounters } from "./emitter";
import type { Violations } from "./rate-limit";
import { SEND_KINDS, type SendStats } from "./send-record";

export type SimStats = {
  /** Accepted sends by kind, and in total (never evicted). */
  totals: SendStats["byKind"];
  total: number;
  /** Private replies accepted more than once for one comment: must stay 0. */
  duplicates: number;
  duplicateComments: string[];
  erroredAfterSend: number;
  violations: ReturnType<Violations["snapshot"]>;
  perAccount: Record<string, SendStats["byKind"] & { violations: number }>;
  faultsFired: Record<string, number>;
  emitter: EmitterCounters;
  world: { accounts: number; users: number; media: number; comments: number; messages: number; evictedComments: number; evictedMessages: number; evictedSends: number };
  clock: { now: string; offsetMs: number };
};

/** What `GET /__admin/stats` reports; benchmarks assert `violations.total === 0` and `duplicates === 0`. */
export function buildStats(ctx: SimContext): SimStats {
  const s = ctx.sends.stats();
  const violations = ctx.limiter.violations.snapshot();
  const perAccount: SimStats["perAccount"] = {};
  for (const [id, counts] of Object.entries(s.perAccount)) perAccount[id] = { ...counts, violations: violations.byAccount[id] ?? 0 };
  for (const [id, n] of Object.entries(violations.byAccount)) {
    perAccount[id] ??= { ...(Object.fromEntries(SEND_KINDS.map((k) => [k, 0])) as SendStats["byKind"]), violations: n };
  }
  const w = ctx.world;
  return {
    totals: s.byKind,
    total: s.total,
    duplicates: s.duplicates,
    duplicateComments: s.duplicateComments,
    erroredAfterSend: s.erroredAfterSend,
    violations,
    perAccount,
    faultsFired: { ...ctx.faults.fired },
    emitter: ctx.emitter.counters(),
    world: {
      accounts: w.accounts.size,
      users: w.users.size,
      media: w.media.size,
      comments: w.comments.size,
      messages: w.messages.size,
      evictedComments: w.evictedComments,
      evictedMessages: w.evictedMessages,
      evictedSends: s.evicted,
    },
    clock: { now: graphTime(ctx.clock.now()), offsetMs: ctx.clock.offsetMs },
  };
}

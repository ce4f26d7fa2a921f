import { z } from "zod";
import { scenarioAccount, UserPool } from "./pool";
import { zCount, zDuration, zRatio, type ScenarioDefinition } from "./runner";
import { isHit, phrase, withKeyword, ZScripts } from "./text-pool";

const ZParams = z
  .object({
    accountId: z.string().min(1).optional(),
    count: zCount(1_000),
    durationMs: zDuration(10_000),
    users: z.coerce.number().int().min(1).max(1_000_000).default(200),
    keyword: z.string().min(1).max(50).default("PRICE"),
    keywordRatio: zRatio(0.5),
    /** Share of DMs that are quick-reply taps instead of typed text. */
    quickReplyRatio: zRatio(0),
    scripts: ZScripts,
  })
  .strict();

/** A burst of inbound DMs: each one opens that person's 24-hour window. */
export const dmBurst: ScenarioDefinition<z.output<typeof ZParams>> = {
  name: "dm-burst",
  description: "A burst of inbound DMs (some with the keyword, optionally quick-reply taps) from a pool of people",
  params: ZParams,
  build(ctx, p) {
    const account = scenarioAccount(ctx, p.accountId);
    const pool = new UserPool(ctx, account.id, p.users);
    let keywordDms = 0;
    return {
      streams: [
        {
          name: "dms",
          count: p.count,
          durationMs: p.durationMs,
          next(i) {
            const userId = pool.forAction(i);
            if (ctx.rng.chance(p.quickReplyRatio)) {
              return { type: "dm", accountId: account.id, userId, text: "Yes please", quickReply: { payload: "QR_YES" } };
            }
            const base = phrase(ctx.rng, p.scripts);
            const hit = isHit(i, p.keywordRatio);
            if (hit) keywordDms++;
            return { type: "dm", accountId: account.id, userId, text: hit ? withKeyword(ctx.rng, base, p.keyword) : base };
          },
        },
      ],
      summary: () => ({ accountId: account.id, keyword: p.keyword, keywordDms, users: pool.created }),
    };
  },
};

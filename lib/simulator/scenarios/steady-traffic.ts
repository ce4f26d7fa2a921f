import { z } from "zod";
import { GraphError } from "../errors";
import type { TUserAction } from "../user-actions";
import { scenarioAccount, UserPool } from "./pool";
import { MAX_ACTIONS, zDuration, zRatio, type ScenarioDefinition } from "./runner";
import { isHit, phrase, withKeyword, ZScripts } from "./text-pool";

const ZParams = z
  .object({
    /** Accounts to spread traffic over (comma-separated or a list); default the login/test account. */
    accountIds: z
      .union([z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)), z.array(z.string().min(1))])
      .optional(),
    ratePerSec: z.coerce.number().min(0.1).max(5_000).default(5),
    durationMs: zDuration(60_000),
    dmShare: zRatio(0.3),
    postbackShare: zRatio(0.05),
    keyword: z.string().min(1).max(50).default("PRICE"),
    keywordRatio: zRatio(0.3),
    usersPerAccount: z.coerce.number().int().min(1).max(100_000).default(500),
    scripts: ZScripts,
  })
  .strict()
  .refine((p) => p.dmShare + p.postbackShare <= 1, { message: "dmShare + postbackShare must be at most 1" });

/** The demo's background: a realistic mix of comments, DMs and postbacks at a steady rate. */
export const steadyTraffic: ScenarioDefinition<z.output<typeof ZParams>> = {
  name: "steady-traffic",
  description: "A steady mix of comments, DMs and ice-breaker postbacks across accounts, for demos",
  params: ZParams,
  build(ctx, p) {
    const accounts = (p.accountIds?.length ? p.accountIds : [undefined]).map((id) => scenarioAccount(ctx, id));
    const count = Math.max(1, Math.round((p.ratePerSec * p.durationMs) / 1000));
    if (count > MAX_ACTIONS) throw new GraphError("adminInvalid", { detail: `ratePerSec × duration plans ${count} actions; the cap is ${MAX_ACTIONS}` });
    const sides = accounts.map((a) => ({
      account: a,
      pool: new UserPool(ctx, a.id, p.usersPerAccount),
      media: ctx.world.addMedia({ accountId: a.id, productType: "REELS", caption: `Comment ${p.keyword} for the price list`, live: false, liveActive: false, ad: null }),
    }));
    const tally = { comment: 0, dm: 0, postback: 0, keyword: 0 };
    return {
      streams: [
        {
          name: "mix",
          count,
          durationMs: p.durationMs,
          next(i): TUserAction {
            const side = sides[i % sides.length] as (typeof sides)[number];
            const userId = side.pool.random();
            const roll = ctx.rng.next();
            if (roll < p.postbackShare) {
              tally.postback++;
              return { type: "postback", accountId: side.account.id, userId, title: "Get the price list", payload: "PRICE_LIST" };
            }
            const base = phrase(ctx.rng, p.scripts);
            const hit = isHit(i, p.keywordRatio);
            if (hit) tally.keyword++;
            const text = hit ? withKeyword(ctx.rng, base, p.keyword) : base;
            if (roll < p.postbackShare + p.dmShare) {
              tally.dm++;
              return { type: "dm", accountId: side.account.id, userId, text };
            }
            tally.comment++;
            return { type: "comment", accountId: side.account.id, userId, mediaId: side.media.id, text };
          },
        },
      ],
      summary: () => ({ accounts: accounts.map((a) => a.id), ...tally }),
    };
  },
};

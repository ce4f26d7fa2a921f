import { z } from "zod";
import { GraphError } from "../errors";
import { scenarioAccount, UserPool } from "./pool";
import { zCount, zDuration, zRatio, type ScenarioDefinition } from "./runner";
import { isHit, phrase, withKeyword, ZScripts } from "./text-pool";

const ZParams = z
  .object({
    accountId: z.string().min(1).optional(),
    /** Comment on this media; by default a new reel is posted for the giveaway. */
    mediaId: z.string().min(1).optional(),
    count: zCount(20_000),
    durationMs: zDuration(600_000),
    users: z.coerce.number().int().min(1).max(1_000_000).default(15_000),
    keyword: z.string().min(1).max(50).default("GIVEAWAY"),
    keywordRatio: zRatio(0.3),
    scripts: ZScripts,
  })
  .strict();

/** "20,000 comments in 10 minutes from 15,000 users, 30 % containing the keyword". */
export const giveawayReel: ScenarioDefinition<z.output<typeof ZParams>> = {
  name: "giveaway-reel",
  description: "A viral giveaway reel: many comments from many people, a share of them with the keyword, in many scripts and emoji",
  params: ZParams,
  build(ctx, p) {
    const account = scenarioAccount(ctx, p.accountId);
    const media = p.mediaId
      ? ctx.world.media.get(p.mediaId)
      : ctx.world.addMedia({ accountId: account.id, productType: "REELS", caption: `${p.keyword} 🎁 comment to win`, live: false, liveActive: false, ad: null });
    if (!media || media.accountId !== account.id) throw new GraphError("adminInvalid", { detail: `media ${p.mediaId} does not belong to ${account.id}` });
    const pool = new UserPool(ctx, account.id, p.users);
    let keywordComments = 0;
    return {
      streams: [
        {
          name: "comments",
          count: p.count,
          durationMs: p.durationMs,
          next(i) {
            const base = phrase(ctx.rng, p.scripts);
            const hit = isHit(i, p.keywordRatio);
            if (hit) keywordComments++;
            return { type: "comment", accountId: account.id, userId: pool.forAction(i), mediaId: media.id, text: hit ? withKeyword(ctx.rng, base, p.keyword) : base };
          },
        },
      ],
      summary: () => ({ accountId: account.id, mediaId: media.id, keyword: p.keyword, keywordComments, users: pool.created }),
    };
  },
};

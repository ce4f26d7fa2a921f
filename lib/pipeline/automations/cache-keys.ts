import { key } from "@/lib/redis";

/** Redis keys of the per-account active-automation cache. */
export const automationKeys = {
  /** JSON `{gen, rows}`: the account's active automations as stored, with the generation they were read at. */
  list: (accountId: string) => key("automations", accountId),
  /** Bumped by every automation write; a cached list from an older generation is a miss. */
  gen: (accountId: string) => key("automations", accountId, "gen"),
};

import { redis } from "@/lib/redis";
import { automationKeys } from "./cache-keys";

const GEN_TTL_S = 30 * 86_400;

/**
 * Drops the account's cached active automations, for every worker at once. Every write that
 * changes an automation (create, update, status, priority, delete, next-post binding) must call
 * it after its commit. The generation bump also defeats a reader that loaded the old rows just
 * before the write and stores them just after: its copy carries the old generation.
 */
export async function invalidateAutomations(accountId: string): Promise<void> {
  await redis().multi().incr(automationKeys.gen(accountId)).expire(automationKeys.gen(accountId), GEN_TTL_S).del(automationKeys.list(accountId)).exec();
}

import { key, redis } from "@/lib/redis";

/** The public-reply variant used last under each post, so the next reply there differs (SPEC §4). */
const TTL_S = 30 * 86_400;
const variantKey = (accountId: string, mediaId: string) => key("variant", accountId, mediaId);

export const variantMemory = {
  async last(accountId: string, mediaId: string | undefined): Promise<number | null> {
    if (!mediaId) return null;
    const v = await redis().get(variantKey(accountId, mediaId));
    const n = v === null ? NaN : Number(v);
    return Number.isInteger(n) ? n : null;
  },
  async remember(accountId: string, mediaId: string, index: number): Promise<void> {
    await redis().set(variantKey(accountId, mediaId), String(index), "EX", TTL_S);
  },
};

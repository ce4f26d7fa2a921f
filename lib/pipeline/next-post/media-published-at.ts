import { graph } from "@/lib/instagram/graph";
import { GraphError } from "@/lib/instagram/graph-errors";
import { key, redis } from "@/lib/redis";
import type { PipelineAccount } from "../cache/account-cache";

/** A post's publish time never changes; a month covers any next-post wait worth having. */
const CACHE_TTL_S = 30 * 86_400;

/**
 * When a post was published (epoch ms), for a next-post automation that has not met its post
 * yet. Webhooks carry only the media id, so the first comment on a post asks Graph once
 * (`GET /{media-id}?fields=timestamp`) and every worker reuses the answer from Redis.
 *
 * Undefined when Graph cannot say (no token, the post is gone, no permission): the engine then
 * skips with a reason a person can read. Transient and throttling errors propagate, so the
 * event job retries rather than deciding without the fact.
 */
export async function mediaPublishedAt(account: PipelineAccount, mediaId: string): Promise<number | undefined> {
  const cacheKey = key("media", mediaId, "published");
  const cached = await redis().get(cacheKey);
  if (cached) return Number(cached);
  if (!account.token) return undefined;
  try {
    const { media } = await graph().getMedia(account.token, mediaId, ["id", "timestamp"]);
    const at = media.timestamp ? Date.parse(media.timestamp.replace(/([+-]\d\d)(\d\d)$/, "$1:$2")) : NaN;
    if (!Number.isFinite(at)) return undefined;
    await redis().set(cacheKey, String(at), "EX", CACHE_TTL_S);
    return at;
  } catch (err) {
    if (err instanceof GraphError && err.classification.class !== "transient" && err.classification.class !== "throttled" && err.classification.class !== "ambiguous") return undefined;
    throw err;
  }
}

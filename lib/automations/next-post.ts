import type { TTrigger } from "./schema";

/**
 * "The next post published" (SPEC §4) is relative to the moment the automation is switched on:
 * posts published while it was a draft or paused do not count. The server keeps two fields on
 * such a trigger — `armedAt` (posts published after it qualify) and `boundMediaId` (the post it
 * met, set by the events worker on its first match) — which a client never has to send back.
 *
 * `trigger` is what will be stored (the request's definition, or the stored one when only the
 * status changes); `explicit` says the request itself carried that trigger, so an `armedAt` in
 * it is the client's choice rather than a stale copy of ours.
 */
export function armNextPost(
  trigger: TTrigger,
  opts: { activating: boolean; now: number; previous?: TTrigger | undefined; explicit?: boolean },
): TTrigger {
  if (trigger.type !== "comment" || trigger.posts.mode !== "next_post") return trigger;
  const prev = opts.previous?.type === "comment" && opts.previous.posts.mode === "next_post" ? opts.previous.posts : undefined;
  // Saving the definition again must not forget the post it already met.
  const boundMediaId = trigger.posts.boundMediaId ?? prev?.boundMediaId;
  const chosen = opts.explicit ? trigger.posts.armedAt : undefined;
  // Still waiting for its post: switching it on (again) starts the wait now.
  const armedAt = boundMediaId ? (trigger.posts.armedAt ?? prev?.armedAt) : opts.activating ? (chosen ?? opts.now) : (trigger.posts.armedAt ?? prev?.armedAt);
  return { ...trigger, posts: { mode: "next_post", ...(armedAt !== undefined ? { armedAt } : {}), ...(boundMediaId ? { boundMediaId } : {}) } };
}

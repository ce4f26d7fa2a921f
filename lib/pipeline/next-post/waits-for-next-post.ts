import type { TAutomationCandidate } from "@/lib/automations/evaluate";

/** A comment automation on "the next post published" that has not met its post yet. */
export function waitsForNextPost(a: Pick<TAutomationCandidate, "definition">): boolean {
  const t = a.definition.trigger;
  return t.type === "comment" && t.posts.mode === "next_post" && !t.posts.boundMediaId;
}

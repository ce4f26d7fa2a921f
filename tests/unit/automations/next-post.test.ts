import { describe, expect, it } from "vitest";
import { armNextPost } from "@/lib/automations/next-post";
import type { TTrigger } from "@/lib/automations/schema";

const NOW = 1_800_000_000_000;
const nextPost = (posts: Record<string, unknown> = {}): TTrigger => ({ type: "comment", includeReplies: false, posts: { mode: "next_post", ...posts } }) as TTrigger;

describe("armNextPost", () => {
  it("leaves every other trigger alone", () => {
    const any: TTrigger = { type: "comment", includeReplies: false, posts: { mode: "any" } };
    expect(armNextPost(any, { activating: true, now: NOW })).toBe(any);
    const dm: TTrigger = { type: "dm_keyword" };
    expect(armNextPost(dm, { activating: true, now: NOW })).toBe(dm);
  });

  it("arms at the moment it is switched on", () => {
    expect(armNextPost(nextPost(), { activating: true, now: NOW })).toEqual(nextPost({ armedAt: NOW }));
  });

  it("re-arms when switched on again while still waiting, ignoring the stored instant", () => {
    const stored = nextPost({ armedAt: NOW - 86_400_000 });
    expect(armNextPost(stored, { activating: true, now: NOW, previous: stored })).toEqual(nextPost({ armedAt: NOW }));
  });

  it("keeps an instant the client chose in the same request", () => {
    expect(armNextPost(nextPost({ armedAt: NOW - 5_000 }), { activating: true, now: NOW, explicit: true })).toEqual(nextPost({ armedAt: NOW - 5_000 }));
  });

  it("does not arm a draft, but keeps what was armed across edits", () => {
    expect(armNextPost(nextPost(), { activating: false, now: NOW })).toEqual(nextPost());
    expect(armNextPost(nextPost(), { activating: false, now: NOW, previous: nextPost({ armedAt: NOW - 1 }), explicit: true })).toEqual(nextPost({ armedAt: NOW - 1 }));
  });

  it("never forgets the post it met, whether the edit sends it back or not", () => {
    const bound = nextPost({ armedAt: NOW - 10, boundMediaId: "17900000000000001" });
    expect(armNextPost(nextPost(), { activating: false, now: NOW, previous: bound, explicit: true })).toEqual(bound);
    // Pausing and switching on again does not move a bound automation to another post.
    expect(armNextPost(bound, { activating: true, now: NOW, previous: bound })).toEqual(bound);
  });
});

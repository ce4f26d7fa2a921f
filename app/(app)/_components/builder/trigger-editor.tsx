"use client";

import { FormField, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { TAutomationDefinitionInput } from "@/lib/automations/schema";
import { ListInput } from "./list-input";

type TriggerInput = TAutomationDefinitionInput["trigger"];
type TriggerType = TriggerInput["type"];

export const TRIGGERS: { type: TriggerType; title: string; help: string }[] = [
  { type: "comment", title: "Comment on a post or reel", help: "Someone comments on any post, selected posts, or your next post." },
  { type: "live_comment", title: "Live comment", help: "Someone comments while you are live." },
  { type: "dm_keyword", title: "DM with a keyword", help: "Someone messages you a keyword." },
  { type: "dm_any", title: "Any other DM", help: "Fallback: answers a DM no keyword automation answered." },
  { type: "story_reply", title: "Story reply", help: "Someone replies to your story." },
  { type: "story_mention", title: "Story mention", help: "Someone mentions you in their story." },
  { type: "first_dm", title: "First DM (welcome)", help: "A person messages you for the very first time." },
  { type: "postback", title: "Button or ice breaker tap", help: "Someone taps a button, quick reply or ice breaker." },
  { type: "referral", title: "ig.me link", help: "Someone opens your ig.me link with a ref." },
];

function defaultTrigger(type: TriggerType): TriggerInput {
  switch (type) {
    case "comment":
      return { type, posts: { mode: "any" }, includeReplies: false };
    case "postback":
      return { type, payloads: ["GET_STARTED"] };
    case "referral":
      return { type, refs: [] };
    case "story_reply":
      return { type };
    default:
      return { type };
  }
}

/** WHEN: the trigger type as a set of radio cards, then that trigger's own options. */
export function TriggerEditor(props: { value: TriggerInput; onChange: (t: TriggerInput) => void; disabled?: boolean; errorFor: (path: string) => string | undefined }) {
  const t = props.value;
  return (
    <div className="grid gap-4">
      <fieldset disabled={props.disabled}>
        <legend className="sr-only">Trigger</legend>
        <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {TRIGGERS.map((o) => (
            <label
              key={o.type}
              className={cn(
                "flex cursor-pointer gap-2.5 rounded-lg border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                t.type === o.type ? "border-brand-500 bg-brand-50/60 ring-1 ring-brand-500" : "border-zinc-200 hover:border-zinc-300",
              )}
            >
              <input type="radio" name="trigger-type" value={o.type} checked={t.type === o.type} onChange={() => props.onChange(defaultTrigger(o.type))} className="mt-0.5 accent-brand-600" />
              <span>
                <span className="block font-medium text-zinc-900">{o.title}</span>
                <span className="block text-xs text-zinc-600">{o.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {t.type === "comment" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="trigger-posts" label="Which posts">
            <Select
              id="trigger-posts"
              disabled={props.disabled}
              value={t.posts.mode}
              onChange={(e) => {
                const mode = e.target.value as "any" | "selected" | "next_post";
                props.onChange({ ...t, posts: mode === "selected" ? { mode, mediaIds: [] } : mode === "next_post" ? { mode } : { mode } });
              }}
            >
              <option value="any">Any post or reel</option>
              <option value="selected">Selected posts</option>
              <option value="next_post">My next post</option>
            </Select>
          </FormField>
          {t.posts.mode === "next_post" && (
            <p className="text-sm text-zinc-600 sm:col-span-2" data-testid="next-post-state">
              {t.posts.boundMediaId
                ? `Attached to post ${t.posts.boundMediaId}: it answers comments there only.`
                : t.posts.armedAt
                  ? `Waiting for a post published after ${new Date(t.posts.armedAt).toLocaleString()}; the first matching comment on it attaches this automation to that post.`
                  : "Once switched on, it waits for your next post and attaches to it at the first matching comment."}
            </p>
          )}
          {t.posts.mode === "selected" && (
            <FormField id="trigger-media" label="Post ids" hint="Comma-separated Instagram media ids." error={props.errorFor("posts.mediaIds")}>
              <ListInput id="trigger-media" value={t.posts.mediaIds} disabled={props.disabled} onChange={(mediaIds) => props.onChange({ ...t, posts: { mode: "selected", mediaIds } })} />
            </FormField>
          )}
          <label className="flex items-center gap-2 text-sm text-zinc-700 sm:col-span-2">
            <input type="checkbox" className="size-4 accent-brand-600" disabled={props.disabled} checked={t.includeReplies ?? false} onChange={(e) => props.onChange({ ...t, includeReplies: e.target.checked })} />
            Also answer replies inside comment threads
          </label>
        </div>
      )}
      {t.type === "postback" && (
        <FormField id="trigger-payloads" label="Payloads" hint="Exact payloads of your buttons, quick replies or ice breakers." error={props.errorFor("payloads")}>
          <ListInput id="trigger-payloads" value={t.payloads} disabled={props.disabled} onChange={(payloads) => props.onChange({ ...t, payloads })} />
        </FormField>
      )}
      {t.type === "referral" && (
        <FormField id="trigger-refs" label="Refs" hint="ig.me/you?ref=… values; leave empty to accept any." error={props.errorFor("refs")}>
          <ListInput id="trigger-refs" value={t.refs ?? []} disabled={props.disabled} onChange={(refs) => props.onChange({ ...t, refs })} />
        </FormField>
      )}
      {t.type === "story_reply" && (
        <FormField id="trigger-stories" label="Only these stories (optional)" hint="Story ids; leave empty for every story." error={props.errorFor("storyIds")}>
          <ListInput id="trigger-stories" value={t.storyIds ?? []} disabled={props.disabled} onChange={(storyIds) => props.onChange({ ...t, storyIds: storyIds.length ? storyIds : undefined })} />
        </FormField>
      )}
    </div>
  );
}

"use client";

import { useOptimistic, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useToast } from "@/components/ui/toast";
import { callApi, problemMessage } from "./builder/api";

/** A contact's tags, editable in place: added or removed at once, undone with the reason if the server refuses. */
export function ContactTags({ workspaceId, contactId, username, tags, canEdit }: { workspaceId: string; contactId: string; username: string; tags: string[]; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [shown, apply] = useOptimistic(tags, (current: string[], change: { add?: string; remove?: string }) =>
    change.add ? [...new Set([...current, change.add])] : current.filter((t) => t !== change.remove),
  );
  const [text, setText] = useState("");
  const [, start] = useTransition();
  const send = (change: { add?: string; remove?: string }) =>
    start(async () => {
      apply(change);
      const r = await callApi(workspaceId, `/contacts/${contactId}`, { method: "PATCH", body: change.add ? { addTags: [change.add] } : { removeTags: [change.remove] } });
      if (!r.ok) toast(problemMessage(r.problem), "error");
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-1">
      {shown.map((t) => (
        <span key={t} className="inline-flex items-center gap-1 rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
          {t}
          {canEdit && (
            <button type="button" onClick={() => send({ remove: t })} className="text-zinc-400 hover:text-zinc-700" aria-label={`Remove tag ${t} from ${username}`}>
              ×
            </button>
          )}
        </span>
      ))}
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const tag = text.trim();
            if (tag) send({ add: tag });
            setText("");
          }}
        >
          <label htmlFor={`tag-${contactId}`} className="sr-only">{`Add a tag to ${username}`}</label>
          <input
            id={`tag-${contactId}`}
            value={text}
            maxLength={50}
            onChange={(e) => setText(e.target.value)}
            placeholder="+ tag"
            className="h-6 w-16 rounded-md border-0 bg-transparent px-1 text-xs ring-1 ring-transparent ring-inset placeholder:text-zinc-400 hover:ring-zinc-300 focus:w-24 focus:ring-brand-600 focus:outline-none"
          />
        </form>
      )}
    </div>
  );
}

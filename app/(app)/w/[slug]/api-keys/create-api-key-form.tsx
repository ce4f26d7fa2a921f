"use client";

import { ActionForm, Field } from "../../../_components/action-form";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { createApiKeyAction } from "./actions";

/** Creates a key and shows it exactly once, right under the form. */
export function CreateApiKeyForm({ workspace, scopes }: { workspace: string; scopes: readonly string[] }) {
  return (
    <ActionForm
      action={createApiKeyAction}
      hidden={{ workspace }}
      submitLabel="Create key"
      pendingLabel="Creating…"
      after={(state) =>
        state.status === "ok" && (
          <div role="status" className="grid gap-1.5 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-600/25">
            <label htmlFor="new-api-key" className="text-sm text-amber-900">
              Key <strong>{state.data.name}</strong> — copy it now; it will not be shown again:
            </label>
            <input id="new-api-key" className={cn(controlClass, "h-9 font-mono text-xs")} readOnly value={state.data.key} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )
      }
    >
      <Field name="name" label="Name" required hint="What uses this key, e.g. “Zapier”." />
      <fieldset className="grid gap-1.5">
        <legend className="mb-1 text-sm font-medium text-zinc-800">Scopes</legend>
        <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
          {scopes.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm text-zinc-700">
              <input type="checkbox" name="scopes" value={s} defaultChecked={s.endsWith(".read")} className="size-4 rounded border-zinc-300 accent-brand-600" /> <code className="bg-transparent px-0">{s}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <Field name="expiresInDays" label="Expires after (days, optional)" type="number" />
    </ActionForm>
  );
}

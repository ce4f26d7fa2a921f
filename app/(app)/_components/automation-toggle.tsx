"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/toast";
import { callApi, problemMessage } from "./builder/api";

type Status = "draft" | "active" | "paused";

/**
 * Activate/pause straight from the list: the switch flips at once (optimistic) and flips back
 * with the server's reason if the change is refused (stale version, invalid definition, role).
 */
export function AutomationToggle({ workspaceId, id, name, status, version }: { workspaceId: string; id: string; name: string; status: Status; version: number }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [shown, setShown] = useOptimistic(status);
  const on = shown === "active";
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={`${name}: ${on ? "active" : "off"}`}
      disabled={pending}
      onClick={() =>
        start(async () => {
          setShown(on ? "paused" : "active");
          const r = await callApi(workspaceId, `/automations/${id}/${on ? "pause" : "activate"}?expectedVersion=${version}`, { method: "POST" });
          if (!r.ok) toast(problemMessage(r.problem), "error");
          else toast(on ? `Paused “${name}”` : `“${name}” is active`);
          router.refresh();
        })
      }
      className={cn("relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:opacity-60", on ? "bg-emerald-500" : "bg-zinc-300")}
    >
      <span aria-hidden className={cn("inline-block size-4 rounded-full bg-white shadow transition-transform", on ? "translate-x-[18px]" : "translate-x-0.5")} />
    </button>
  );
}

"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

type Toast = { id: number; tone: "success" | "error" | "info"; message: string };
type Push = (message: string, tone?: Toast["tone"]) => void;

const ToastContext = createContext<Push>(() => undefined);

/** `const toast = useToast(); toast("Saved")` — a short confirmation at the bottom of the screen. */
export function useToast(): Push {
  return useContext(ToastContext);
}

/**
 * Holds the toasts of the page. The live region is always in the DOM (so screen readers
 * announce what is added to it) and has no role of its own: pages keep their own role=status
 * messages unambiguous.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const push = useCallback<Push>((message, tone = "success") => {
    const id = next.current++;
    setToasts((t) => [...t.slice(-2), { id, tone, message }]);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 sm:items-end sm:pr-6">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDone={() => setToasts((all) => all.filter((x) => x.id !== t.id))} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, toast.tone === "error" ? 8_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast.tone, onDone]);
  return (
    <div
      className={cn(
        "pointer-events-auto flex max-w-sm items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ring-1",
        toast.tone === "error" ? "bg-red-700 text-white ring-red-800" : "bg-zinc-900 text-white ring-zinc-950",
      )}
    >
      <span className="flex-1">{toast.message}</span>
      <button type="button" onClick={onDone} className="-mr-1 rounded px-1 text-white/70 hover:text-white" aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { IconClose, IconMenu } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

/**
 * The responsive frame around the sidebar: a fixed column from `lg` up; below it a top bar
 * with a menu button that slides the same sidebar in over the page (Escape or a navigation
 * closes it again).
 */
export function SidebarFrame({ brand, sidebar, children }: { brand: ReactNode; sidebar: ReactNode; children: ReactNode }) {
  // Open "at" a path: navigating elsewhere closes it without an effect.
  const pathname = usePathname();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const setOpen = (value: boolean) => setOpenAt(value ? pathname : null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpenAt(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
      <a href="#main" className="sr-only z-50 rounded bg-white px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>
      <div className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white/95 px-4 backdrop-blur lg:hidden">
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls="app-sidebar"
          className="-ml-1.5 rounded-md p-1.5 text-zinc-700 hover:bg-zinc-100"
        >
          {open ? <IconClose /> : <IconMenu />}
          <span className="sr-only">{open ? "Close navigation" : "Open navigation"}</span>
        </button>
        {brand}
      </div>
      {open && <div className="fixed inset-0 z-30 bg-zinc-900/40 lg:hidden" aria-hidden onClick={() => setOpen(false)} />}
      {/* From lg the column (white, full height of the page) holds the sidebar, which sticks to the viewport. */}
      <div className="lg:border-r lg:border-zinc-200 lg:bg-white">
        <aside
          id="app-sidebar"
          className={cn(
            // Below lg an off-canvas drawer; from lg a sticky full-height column of the grid.
            "fixed inset-y-0 left-0 z-40 flex w-72 max-w-[85vw] flex-col border-r border-zinc-200 bg-white transition-transform lg:sticky lg:top-0 lg:h-screen lg:w-auto lg:max-w-none lg:translate-x-0 lg:border-r-0",
            open ? "translate-x-0 shadow-xl" : "-translate-x-full invisible lg:visible",
          )}
        >
          {sidebar}
        </aside>
      </div>
      <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:col-start-2 lg:row-start-1 lg:px-8 lg:py-8">
        {children}
      </main>
    </div>
  );
}

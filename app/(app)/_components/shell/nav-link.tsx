"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A sidebar link that marks itself as the current page (exact for the overview, by prefix for sections). */
export function NavLink({ href, exact, icon, children }: { href: string; exact?: boolean; icon: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "group flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium no-underline hover:no-underline",
        current ? "bg-brand-50 text-brand-800" : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
      )}
    >
      <span className={cn(current ? "text-brand-600" : "text-zinc-400 group-hover:text-zinc-600")}>{icon}</span>
      {children}
    </Link>
  );
}

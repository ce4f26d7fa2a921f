import Link from "next/link";
import { cn } from "./cn";

/** A row of links that behaves like a segmented control (the current one is aria-current). */
export function SegmentedLinks({ label, items }: { label: string; items: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-lg bg-zinc-100 p-0.5">
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href}
          aria-current={i.current ? "page" : undefined}
          className={cn(
            "rounded-md px-2.5 py-1 text-xs font-medium no-underline hover:no-underline",
            i.current ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900",
          )}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}

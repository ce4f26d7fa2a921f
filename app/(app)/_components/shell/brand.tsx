import Link from "next/link";

/** The wordmark; a plain link home (the workspace list when signed in). */
export function Brand({ href = "/workspaces" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 text-zinc-900 no-underline hover:no-underline">
      <span aria-hidden className="flex size-7 items-center justify-center rounded-lg bg-gradient-to-br from-brand-500 to-fuchsia-500 text-sm font-bold text-white shadow-sm">
        R
      </span>
      <span className="text-[15px] font-semibold tracking-tight">Replyflow</span>
    </Link>
  );
}

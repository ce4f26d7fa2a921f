import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Brand } from "./(app)/_components/shell/brand";

const POINTS = [
  { title: "Never twice, never lost", body: "Every comment and DM is processed exactly once, even when Instagram delivers it five times." },
  { title: "Within Meta's rules", body: "Per-account rate limits, the 24-hour window and the one-private-reply rule are enforced for you." },
  { title: "Know why", body: "Every skipped reply has a plain-language reason. Ask “why didn't @anna get a DM?” and get an answer." },
];

export default function Home() {
  return (
    <div className="min-h-screen bg-gradient-to-b from-brand-50 via-white to-white">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-5">
        <Brand href="/" />
        <nav aria-label="Account" className="flex items-center gap-2">
          <Link href="/sign-in" className={buttonClass("ghost")}>Sign in</Link>
          <Link href="/sign-up" className={buttonClass("primary")}>Start free</Link>
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-6 pt-16 pb-24">
        <h1 className="max-w-3xl text-4xl font-semibold tracking-tight text-zinc-900 sm:text-5xl">Replyflow</h1>
        <p className="mt-4 max-w-2xl text-lg text-zinc-600">
          Answers Instagram comments and DMs automatically — publicly, by private reply and by DM — at any volume, within Meta&apos;s rules, never twice and
          never lost.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/sign-up" className={buttonClass("primary", "md", "h-11 px-5 text-base")}>Create your workspace</Link>
          <Link href="/sign-in" className={buttonClass("secondary", "md", "h-11 px-5 text-base")}>Sign in</Link>
        </div>
        <ul className="mt-16 grid gap-4 sm:grid-cols-3">
          {POINTS.map((p) => (
            <li key={p.title} className="rounded-xl border border-zinc-200 bg-white p-5 shadow-xs">
              <p className="font-semibold text-zinc-900">{p.title}</p>
              <p className="mt-1 text-sm text-zinc-600">{p.body}</p>
            </li>
          ))}
        </ul>
        <p className="mt-16 text-sm text-zinc-500">
          Service status: <a href="/api/health">/api/health</a>
        </p>
      </main>
    </div>
  );
}

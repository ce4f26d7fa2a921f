import type { ReactNode } from "react";
import { Brand } from "../(app)/_components/shell/brand";

/** Sign-in, sign-up, reset and invitation pages: one centred card on a quiet background. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-gradient-to-b from-brand-50 via-zinc-50 to-zinc-50 px-4 py-12 sm:py-20">
      <div className="mb-8">
        <Brand href="/" />
      </div>
      <main className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">{children}</main>
      <p className="mt-8 max-w-sm text-center text-xs text-zinc-500">
        Replies to Instagram comments and DMs within Meta&apos;s rules — never twice, never lost.
      </p>
    </div>
  );
}

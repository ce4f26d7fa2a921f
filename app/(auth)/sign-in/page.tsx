import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field } from "../../(app)/_components/action-form";
import { currentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/schemas";
import { signInAction } from "../actions";

export const metadata = { title: "Sign in · Replyflow" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentUser()) redirect(next);
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-zinc-600">Welcome back. Your automations kept working while you were away.</p>
      {params.reset && <p className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">Your password was changed. Sign in with the new one.</p>}
      {params.code === "rate_limited" && <p className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">Too many sign-in attempts. Try again later.</p>}
      <ActionForm action={signInAction} hidden={{ next }} submitLabel="Sign in" pendingLabel="Signing in…" block>
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required />
      </ActionForm>
      <p className="mt-6 text-sm text-zinc-600">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="mt-2 text-sm text-zinc-600">
        No account yet? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create one</Link>
      </p>
    </>
  );
}

import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field } from "../../(app)/_components/action-form";
import { currentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/schemas";
import { signUpAction } from "../actions";

export const metadata = { title: "Create an account · Replyflow" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentUser()) redirect(next);
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-zinc-600">Free plan, no card. Connect Instagram in the next step.</p>
      <ActionForm action={signUpAction} hidden={{ next }} submitLabel="Create account" pendingLabel="Creating…" block>
        <Field name="name" label="Your name" autoComplete="name" />
        <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={params.email} required />
        <Field name="password" label="Password" type="password" autoComplete="new-password" hint="At least 10 characters." required />
      </ActionForm>
      <p className="mt-6 text-sm text-zinc-600">
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </>
  );
}

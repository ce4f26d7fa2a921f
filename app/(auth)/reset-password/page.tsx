import Link from "next/link";
import { ActionForm, Field } from "../../(app)/_components/action-form";
import { resetPasswordAction } from "../actions";

export const metadata = { title: "Choose a new password · Replyflow" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold tracking-tight">Choose a new password</h1>
      {token ? (
        <ActionForm action={resetPasswordAction} hidden={{ token }} submitLabel="Set the new password" pendingLabel="Saving…" block>
          <Field name="password" label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." required />
        </ActionForm>
      ) : (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">This link is incomplete. Open the link from the email again, or ask for a new one.</p>
      )}
      <p className="mt-6 text-sm">
        <Link href="/forgot-password">Ask for a new link</Link>
      </p>
    </>
  );
}

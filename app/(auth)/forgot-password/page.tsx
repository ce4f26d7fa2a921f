import Link from "next/link";
import { ActionForm, Field } from "../../(app)/_components/action-form";
import { requestResetAction } from "../actions";

export const metadata = { title: "Reset your password · Replyflow" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Reset your password</h1>
      <p className="mt-1 mb-6 text-sm text-zinc-600">Enter your account&apos;s email. We will send a link to choose a new password; it works once, for an hour.</p>
      <ActionForm
        action={requestResetAction}
        submitLabel="Send the link"
        pendingLabel="Sending…"
        successMessage="If an account exists for that email, a reset link is on its way."
        block
      >
        <Field name="email" label="Email" type="email" autoComplete="email" required />
      </ActionForm>
      <p className="mt-6 text-sm">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}

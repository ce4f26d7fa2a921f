import Link from "next/link";
import { ActionForm } from "../../../(app)/_components/action-form";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current-user";
import { findInvitation } from "@/lib/members/find-invitation";
import { acceptInvitationAction, signOutAction } from "../../actions";

export const metadata = { title: "Invitation · Replyflow" };

const STATUS_TEXT = {
  accepted: "This invitation was already accepted.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  expired: "This invitation has expired. Ask for a new one.",
} as const;

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token = "" } = await searchParams;
  const [invitation, user] = await Promise.all([findInvitation(token), currentUser()]);
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  if (!invitation) {
    return (
      <section>
        <h1 className="mb-3 text-xl font-semibold tracking-tight">Invitation not found</h1>
        <p className="text-sm text-zinc-700">This invitation link is not valid. Check that you opened the whole link from the email.</p>
      </section>
    );
  }
  return (
    <section>
      <h1 className="mb-3 text-xl font-semibold tracking-tight">Join {invitation.workspaceName}</h1>
      <p className="mb-5 text-sm text-zinc-700">
        You are invited to the workspace <strong>{invitation.workspaceName}</strong> as <strong>{invitation.role}</strong>.
      </p>
      {invitation.status !== "pending" && invitation.status !== "accepted" ? (
        <p className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{STATUS_TEXT[invitation.status]}</p>
      ) : !user ? (
        <p className="text-sm text-zinc-700">
          The invitation is for <strong>{invitation.email}</strong>.{" "}
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</Link> or{" "}
          <Link href={`/sign-up?email=${encodeURIComponent(invitation.email)}&next=${encodeURIComponent(here)}`}>create an account</Link> with
          that address to accept it.
        </p>
      ) : user.email !== invitation.email ? (
        <>
          <p className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            This invitation is for {invitation.email}, and you are signed in as {user.email}. Sign in with the invited address to accept it.
          </p>
          <form action={signOutAction}>
            <button type="submit" className={buttonClass("secondary")}>Sign out</button>
          </form>
        </>
      ) : (
        <ActionForm action={acceptInvitationAction} hidden={{ token }} submitLabel={`Join ${invitation.workspaceName}`} pendingLabel="Joining…" />
      )}
    </section>
  );
}

"use server";

import { randomUUID } from "node:crypto";
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { RateLimitedSignIn } from "@/lib/auth/config";
import { currentUser } from "@/lib/auth/current-user";
import { nextAuth } from "@/lib/auth/next-auth";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { safeNextPath } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { rootLogger } from "@/lib/logger";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { requestMeta } from "@/lib/security/request-meta";
import { echoValues, type ActionState } from "@/lib/tenancy/action-state";
import { errorState } from "@/lib/tenancy/tenant-action";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Signs in through next-auth's credentials provider (rate-limited per IP inside `authorize`). */
async function signInWith(form: FormData, email: string, password: string): Promise<ActionState<never>> {
  try {
    await nextAuth().signIn("credentials", { email, password, redirectTo: safeNextPath(form.get("next")) });
  } catch (err) {
    const values = echoValues(form);
    if (err instanceof RateLimitedSignIn) {
      const minutes = Math.ceil(err.retryAfterSeconds / 60);
      return { status: "error", code: "rate_limited", message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, values };
    }
    if (err instanceof CredentialsSignin) return { status: "error", code: "unauthenticated", message: "Wrong email or password.", values };
    throw err; // the success redirect
  }
  return { status: "idle" };
}

export async function signInAction(_prev: ActionState<never>, form: FormData): Promise<ActionState<never>> {
  return signInWith(form, text(form, "email"), text(form, "password"));
}

export async function signUpAction(_prev: ActionState<never>, form: FormData): Promise<ActionState<never>> {
  const input = { name: text(form, "name"), email: text(form, "email"), password: text(form, "password") };
  try {
    await signUp(input, requestMeta(await headers()));
  } catch (err) {
    return errorState(err, randomUUID(), form);
  }
  return signInWith(form, input.email, input.password);
}

export async function requestResetAction(_prev: ActionState<true>, form: FormData): Promise<ActionState<true>> {
  try {
    await requestPasswordReset({ email: text(form, "email") }, requestMeta(await headers()));
    return { status: "ok", data: true };
  } catch (err) {
    return errorState(err, randomUUID(), form);
  }
}

export async function resetPasswordAction(_prev: ActionState<never>, form: FormData): Promise<ActionState<never>> {
  try {
    await resetPassword({ token: text(form, "token"), password: text(form, "password") }, requestMeta(await headers()));
  } catch (err) {
    return errorState(err, randomUUID(), form);
  }
  redirect("/sign-in?reset=1");
}

export async function acceptInvitationAction(_prev: ActionState<never>, form: FormData): Promise<ActionState<never>> {
  const user = await currentUser();
  if (!user) return { status: "error", code: "unauthenticated", message: "Sign in first." };
  let slug: string;
  try {
    ({ slug } = await acceptInvitation(user, text(form, "token"), requestMeta(await headers()), rootLogger()));
  } catch (err) {
    return errorState(err, randomUUID(), form);
  }
  redirect(`/w/${slug}`);
}

export async function signOutAction(): Promise<void> {
  await nextAuth().signOut({ redirectTo: "/sign-in" });
}

"use server";

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { rootLogger } from "@/lib/logger";
import { requestMeta } from "@/lib/security/request-meta";
import type { ActionState } from "@/lib/tenancy/action-state";
import { errorState } from "@/lib/tenancy/tenant-action";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

/** Creating a workspace happens outside any workspace, so it is a user action, not a tenantAction. */
export async function createWorkspaceAction(_prev: ActionState<never>, form: FormData): Promise<ActionState<never>> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  let slug: string;
  try {
    ({ slug } = await createWorkspace(user, { name: form.get("name") }, requestMeta(await headers()), rootLogger().child({ userId: user.id })));
  } catch (err) {
    return errorState(err, randomUUID(), form);
  }
  redirect(`/w/${slug}`);
}

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { rootLogger } from "@/lib/logger";
import { requestMeta } from "@/lib/security/request-meta";
import { switchWorkspace } from "@/lib/workspaces/switch-workspace";
import type { UserTenantContext } from "./context";

/**
 * The tenant context for server-rendered workspace pages (`/w/[slug]/…`): signed out → the
 * sign-in page, not a member → 404. Cached per request, so the layout and the page share one
 * membership lookup. Pages check permissions with `can(ctx, …)` like everything else.
 */
export const workspacePage = cache(async (slug: string): Promise<UserTenantContext> => {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/w/${slug}`)}`);
  const membership = await switchWorkspace(user, slug);
  if (!membership) notFound();
  const requestId = randomUUID();
  const { db, read } = getDb(membership.tenant.id);
  return {
    tenant: membership.tenant,
    user: { id: user.id, email: user.email, name: user.name },
    role: membership.role,
    db,
    read,
    log: rootLogger().child({ requestId, tenantId: membership.tenant.id, userId: user.id }),
    requestId,
    ...requestMeta(await headers()),
  };
});

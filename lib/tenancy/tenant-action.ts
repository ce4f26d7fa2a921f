import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import { ApiError, zodIssues } from "@/lib/api/errors";
import { enforceLimit } from "@/lib/api/rate-limit";
import { readSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { rootLogger } from "@/lib/logger";
import { requestMeta } from "@/lib/security/request-meta";
import { echoValues, type ActionState } from "./action-state";
import { assertCan } from "./authorize";
import type { UserTenantContext } from "./context";
import type { Permission } from "./permissions";
import { resolveMembership } from "./resolve-membership";

/** Form fields as an object; a name sent several times (checkboxes) becomes an array. */
export function formDataToObject(form: FormData, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    if (omit.includes(name) || name.startsWith("$ACTION")) continue;
    const values = form.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** An error as form state: stable code, a message for people, field messages for inputs. */
export function errorState(err: unknown, requestId: string, form?: FormData): ActionState<never> {
  const values = form ? echoValues(form) : undefined;
  if (err instanceof ZodError) {
    const fieldErrors = Object.fromEntries(zodIssues(err).map((i) => [i.path || "form", i.message]));
    return { status: "error", code: "validation_failed", message: "Check the highlighted fields.", fieldErrors, values };
  }
  if (err instanceof ApiError) return { status: "error", code: err.code, message: err.message, values };
  rootLogger().error({ err, requestId }, "server action failed");
  return { status: "error", code: "internal_error", message: `Something went wrong (request ${requestId}).`, values };
}

/**
 * The wrapper for dashboard server actions that act in a workspace; the counterpart of
 * withTenantApi. The form names its workspace in a hidden `workspace` field (the slug from the
 * URL); membership and role are read fresh, the permission is checked, input is parsed with
 * the same zod schemas as the API, and the service receives the same typed ctx. Next.js
 * itself rejects server actions posted from another origin.
 */
export function tenantAction<S extends z.ZodType, R>(
  opts: { permission: Permission; schema: S },
  fn: (ctx: UserTenantContext, input: z.infer<S>) => Promise<R>,
): (prev: ActionState<R>, form: FormData) => Promise<ActionState<R>> {
  return async (_prev, form) => {
    const requestId = randomUUID();
    try {
      const h = await headers();
      const user = await readSessionUser(h);
      if (!user) throw new ApiError("unauthenticated", "Your session has ended. Sign in again.");
      const slug = form.get("workspace");
      const membership = typeof slug === "string" && slug ? await resolveMembership(user.id, { slug }) : null;
      if (!membership) throw new ApiError("not_found", "This workspace does not exist or you are no longer a member.");
      await enforceLimit("apiPrincipal", `user:${user.id}`);
      const { db, read } = getDb(membership.tenant.id);
      const ctx: UserTenantContext = {
        tenant: membership.tenant,
        user: { id: user.id, email: user.email, name: user.name },
        role: membership.role,
        db,
        read,
        log: rootLogger().child({ requestId, tenantId: membership.tenant.id, userId: user.id }),
        requestId,
        ...requestMeta(h),
      };
      assertCan(ctx, opts.permission);
      const input = opts.schema.parse(formDataToObject(form, ["workspace"])) as z.infer<S>;
      return { status: "ok", data: await fn(ctx, input) };
    } catch (err) {
      // redirect() and notFound() inside fn are control flow, not failures.
      unstable_rethrow(err);
      return errorState(err, requestId, form);
    }
  };
}

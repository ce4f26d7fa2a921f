import { ApiError } from "@/lib/api/errors";
import type { TenantContext, UserTenantContext } from "./context";
import { roleCan, type Permission } from "./permissions";

/**
 * The one place a permission is checked. Members are judged by the permission matrix on the
 * role loaded for this request, API keys by their scopes; jobs act as the system.
 */
export function can(ctx: TenantContext, permission: Permission): boolean {
  if (ctx.user) return roleCan(ctx.role, permission);
  if (ctx.apiKey) return ctx.apiKey.scopes.includes(permission);
  return true;
}

export function assertCan(ctx: TenantContext, permission: Permission): void {
  if (can(ctx, permission)) return;
  if (ctx.apiKey) throw new ApiError("insufficient_scope", `This API key lacks the ${permission} scope.`);
  throw new ApiError("forbidden", `Your role (${ctx.role}) does not allow ${permission}.`);
}

/** For actions only a person can take (role changes, invitations, key management). */
export function assertUser(ctx: TenantContext): asserts ctx is UserTenantContext {
  if (!ctx.user) throw new ApiError("forbidden", "Only a signed-in member can do this.");
}

import type { TenantDb } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import type { Permission, Role } from "./permissions";

export type TenantInfo = { id: string; slug: string; name: string; planId: string; status: "active" | "suspended" | "deleted" };
export type UserPrincipal = { id: string; email: string; name: string | null };
export type ApiKeyPrincipal = { id: string; name: string; prefix: string; scopes: readonly Permission[] };

type Common = {
  tenant: TenantInfo;
  /** Tenant-scoped primary: writes, and reads that must see them. */
  db: TenantDb;
  /** Tenant-scoped replica (the primary in jobs): lag-tolerant reads only. */
  read: TenantDb;
  log: Logger;
  requestId: string;
  ip?: string;
  userAgent?: string;
};

/**
 * What every service receives: who acts, in which workspace, with which database handles.
 * Exactly one actor: a member (with the role loaded for this request), an API key (scopes,
 * no role), or the system itself in a job (neither).
 */
export type TenantContext = Common &
  (
    | { user: UserPrincipal; apiKey?: undefined; role: Role }
    | { apiKey: ApiKeyPrincipal; user?: undefined; role: null }
    | { user?: undefined; apiKey?: undefined; role: null }
  );

export type UserTenantContext = Extract<TenantContext, { role: Role }>;

/** Audit columns for whoever acts in `ctx`. */
export function auditActor(ctx: TenantContext) {
  return { actorUserId: ctx.user?.id ?? null, actorApiKeyId: ctx.apiKey?.id ?? null, ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null };
}

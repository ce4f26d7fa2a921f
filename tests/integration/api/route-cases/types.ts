import type { Permission } from "@/lib/tenancy/permissions";
import type { CallOptions } from "../helpers/http";
import type { TenantFx } from "../helpers/world";

/** The request a case makes against workspace `t`'s own resources (fresh ones when it destroys them). */
export type Built = Omit<CallOptions, "path" | "headers">;

/**
 * One /api/v1 route and method, keyed "METHOD /api/v1/pattern". Each domain keeps its cases in
 * a file in this folder exporting `CASES`; route-matrix.test.ts loads them all and fails for
 * any route on disk without one.
 */
export type RouteCase =
  | { scope: "tenant"; permission: Permission; ok: number; build: (t: TenantFx) => Promise<Built> }
  | { scope: "principal"; ok: number; keyStatus?: number; build: (t: TenantFx) => Promise<Built> };

export const noInput = async (): Promise<Built> => ({});

import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { API_KEY_SCOPES, roleCan, ROLES, type Permission } from "@/lib/tenancy/permissions";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "./helpers/http";
import { buildTenant, roomyPlan, type TenantFx } from "./helpers/world";
import type { Built, RouteCase } from "./route-cases/types";

/**
 * Every /api/v1 route, discovered on disk (app/api/v1/**\/route.ts), so a new route cannot be
 * left out. For every route and method, with no setup at all:
 *  - no or bad credentials → 401;
 *  - each member role of tenant B, and B's API key, naming tenant A's workspace → 404;
 *  - the handler declares its permission (it goes through the tenancy wrappers), and every role
 *    the matrix denies gets 403.
 * With a case in route-cases/ (required: the first test fails, naming routes without one):
 *  - each role of B, and B's keys, get exactly the success or 403 the matrix / scopes say;
 *  - B's owner and B's key, inside B, using tenant A's resource ids → 404.
 */
const ROOT = "app/api/v1";
const CASES_DIR = path.join(import.meta.dirname, "route-cases");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const READ_ONLY_SCOPES: Permission[] = ["workspace.read", "members.read"];

const modules = new Map<string, Record<string, unknown>>();
const discovered: string[] = [];
for (const file of (readdirSync(ROOT, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts")) {
  const pattern = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`;
  const mod = (await import(path.resolve(ROOT, file))) as Record<string, unknown>;
  modules.set(pattern, mod);
  for (const m of METHODS) if (typeof mod[m] === "function") discovered.push(`${m} ${pattern}`);
}
discovered.sort();

const CASES: Record<string, RouteCase> = {};
for (const file of readdirSync(CASES_DIR).filter((f) => f.endsWith(".ts") && f !== "types.ts")) {
  Object.assign(CASES, ((await import(path.join(CASES_DIR, file))) as { CASES: Record<string, RouteCase> }).CASES);
}

const split = (key: string) => {
  const [method, pattern] = key.split(" ") as [string, string];
  return { method, pattern, mod: modules.get(pattern)! };
};
const pathFor = (pattern: string, params: Record<string, string> = {}) => pattern.replace(/\[(\w+)\]/g, (_m, p: string) => params[p] ?? "x");
/** Placeholder ids for routes without a case; a workspace segment gets the workspace's id. */
const placeholders = (pattern: string, workspaceId: string) =>
  Object.fromEntries([...pattern.matchAll(/\[(\w+)\]/g)].map(([, p]) => [p!, p === "workspaceId" ? workspaceId : `zz${p}`]));
const declaredPermission = (key: string) => {
  const { method, mod } = split(key);
  return (mod[method] as { permission?: Permission }).permission;
};

let A: TenantFx;
let B: TenantFx;

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
});

async function send(key: string, built: Built, headers: Record<string, string>) {
  const { method, pattern, mod } = split(key);
  return call(mod, method, { ...built, path: pathFor(pattern, built.params), headers });
}

describe("the /api/v1 route list", () => {
  it("has a case in route-cases/ for every route and method on disk, and none for a route that is gone", () => {
    expect(discovered.length).toBeGreaterThan(0);
    expect(discovered.filter((k) => !CASES[k]), "routes without a case").toEqual([]);
    expect(Object.keys(CASES).filter((k) => !discovered.includes(k)), "cases for routes that do not exist").toEqual([]);
  });

  it.each(discovered)("%s declares its permission and the case agrees", (key) => {
    const c = CASES[key];
    const declared = declaredPermission(key);
    if (c) expect(declared).toBe(c.scope === "tenant" ? c.permission : undefined);
    else expect(declared, "a route outside the tenancy wrappers").toBeDefined();
  });
});

describe.each(discovered)("%s", (key) => {
  const c = CASES[key];
  const { pattern } = split(key);

  it("is a 401 without credentials or with a bad key or cookie", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer rf_live_${"x".repeat(43)}` }, { authorization: "Basic abc" }, { cookie: "authjs.session-token=forged" }];
    for (const headers of attempts) {
      const res = await send(key, { params: placeholders(pattern, B.tenant.id) }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.code).toBe("unauthenticated");
    }
  });

  it("is a 404 for every member and the key of tenant B naming tenant A's workspace", async () => {
    const permission = declaredPermission(key);
    if (!permission) return; // principal routes name no workspace; the case-based test covers them
    const attempts: [string, Record<string, string>][] = [
      ...ROLES.map((r): [string, Record<string, string>] => [`B ${r}`, { cookie: B.members[r].cookie, "x-workspace": A.tenant.id }]),
      ["B's key", { authorization: B.keys.full.auth, "x-workspace": A.tenant.id }],
    ];
    for (const [who, headers] of attempts) {
      const built = c ? await c.build(A) : { params: placeholders(pattern, A.tenant.id) };
      const res = await send(key, built, headers);
      expect(res.status, `${who}: ${res.text}`).toBe(404);
      expect(res.body.code).toBe("not_found");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("refuses with 403 every role the permission matrix denies", async () => {
    const permission = declaredPermission(key);
    if (!permission) return;
    for (const role of ROLES.filter((r) => !roleCan(r, permission))) {
      const built = c ? await c.build(B) : { params: placeholders(pattern, B.tenant.id) };
      const res = await send(key, built, { cookie: B.members[role].cookie, "x-workspace": B.tenant.id });
      expect(res.status, `${role}: ${res.text}`).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
  });

  it.runIf(c)("answers each role of the workspace exactly as the permission matrix says", async () => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const role of ROLES) {
      const res = await send(key, await c!.build(B), { cookie: B.members[role].cookie, "x-workspace": B.tenant.id });
      got[role] = res.status;
      want[role] = c!.scope === "principal" || roleCan(role, c!.permission) ? c!.ok : 403;
    }
    expect(got).toEqual(want);
  });

  it.runIf(c)("answers API keys exactly as their scopes say", async () => {
    for (const [name, k, scopes] of [
      ["full", B.keys.full, API_KEY_SCOPES],
      ["read-only", B.keys.readOnly, READ_ONLY_SCOPES],
    ] as const) {
      const res = await send(key, await c!.build(B), { authorization: k.auth });
      if (c!.scope === "principal") {
        expect(res.status, `${name} key: ${res.text}`).toBe(c!.keyStatus ?? c!.ok);
        continue;
      }
      const allowed = scopes.includes(c!.permission);
      expect(res.status, `${name} key: ${res.text}`).toBe(allowed ? c!.ok : 403);
      if (!allowed) expect(res.body.code).toBe("insufficient_scope");
    }
  });

  it.runIf(c)("is a 404 for B's owner and key using A's resource ids, and never returns A's data", async () => {
    for (const [who, headers] of [
      ["B owner", { cookie: B.members.owner.cookie, "x-workspace": B.tenant.id }],
      ["B's key", { authorization: B.keys.full.auth }],
    ] as const) {
      const built = await c!.build(A);
      const res = await send(key, built, headers);
      // A key can never hold a human-only permission: refused before any id is looked at, so
      // the 403 is the same for every id and discloses nothing.
      const keyRefused = who === "B's key" && c!.scope === "tenant" && !API_KEY_SCOPES.includes(c!.permission);
      if (keyRefused) expect(res.body.code, res.text).toBe("insufficient_scope");
      else if (pattern.includes("[")) {
        expect(res.status, `${who}: ${res.text}`).toBe(404);
        expect(res.body.code).toBe("not_found");
      }
      expect(res.text).not.toContain(A.tenant.id);
      expect(res.text).not.toContain(A.members.owner.user.email);
    }
  });
});

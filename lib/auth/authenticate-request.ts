import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { ApiKeyPrincipal, TenantInfo } from "@/lib/tenancy/context";
import { readSessionUser, type SessionUser } from "./session";

export type Principal =
  | { kind: "user"; user: SessionUser }
  | { kind: "apiKey"; apiKey: ApiKeyPrincipal; tenant: TenantInfo };

/**
 * Who sent an /api/v1 request: `Authorization: Bearer rf_live_…` (an API key, bound to its
 * workspace) or the session cookie. A bearer header that is not a live key is a failure even
 * if a cookie is present too, so a client never silently acts as someone else.
 */
export async function authenticateRequest(headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const m = /^bearer\s+(\S+)\s*$/i.exec(authorization);
    const found = m?.[1] ? await authenticateApiKey(m[1]) : null;
    return found ? { kind: "apiKey", ...found } : null;
  }
  const user = await readSessionUser(headers);
  return user ? { kind: "user", user } : null;
}

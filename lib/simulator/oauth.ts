import type { ServerResponse } from "node:http";
import type { SimContext } from "./context";
import { GraphError, invalidParam } from "./errors";
import { gate, respond, type GraphRequest } from "./graph-request";
import { stringParam } from "./http";
import { extractToken, INSTAGRAM_SCOPES, LONG_LIVED_MS, MIN_REFRESH_AGE_MS, type TokenRecord } from "./tokens";

/**
 * Business Login for Instagram (reference §4.1): the consent redirect, the one-hour single-use
 * code, its exchange for a short-lived token on api.instagram.com (form-encoded only), the
 * long-lived exchange and the refresh rules on graph.instagram.com.
 */
export const CODE_TTL_MS = 3_600_000;
const CODES_KEPT = 10_000;

type CodeRecord = { accountId: string; redirectUri: string; scopes: string[]; createdAt: number; used: boolean };

export class OAuthCodes {
  private readonly codes = new Map<string, CodeRecord>();

  add(code: string, record: CodeRecord): void {
    this.codes.set(code, record);
    if (this.codes.size > CODES_KEPT) {
      const oldest = this.codes.keys().next().value;
      if (oldest !== undefined) this.codes.delete(oldest);
    }
  }

  get(code: string): CodeRecord | undefined {
    return this.codes.get(code);
  }

  reset(): void {
    this.codes.clear();
  }
}

const oauthError = (key: ConstructorParameters<typeof GraphError>[0], vars: Record<string, string> = {}) => new GraphError(key, vars, { oauthHost: true });

function required(params: Record<string, unknown>, field: string): string {
  const v = stringParam(params, field);
  if (v === undefined) throw oauthError("oauthMissingField", { field });
  return v;
}

/** The account that logs in: the admin-chosen one, else the configured test account. */
function loginAccountId(ctx: SimContext): string {
  const id = ctx.config.oauthAccountId ?? ctx.options.testAccount?.id;
  if (!id || !ctx.world.accounts.has(id)) throw invalidParam("No simulated account is set up to log in (oauthAccountId / testAccount)");
  return id;
}

/**
 * `GET /oauth/authorize`: the consent screen, auto-approved for the login account. Validates
 * client_id and an exact redirect_uri match, then 302s to `redirect_uri?code=…&state=…#_`.
 */
export function handleAuthorize(ctx: SimContext, codes: OAuthCodes, query: Record<string, unknown>, res: ServerResponse): void {
  const clientId = required(query, "client_id");
  if (clientId !== ctx.options.appId) throw oauthError("oauthInvalidClient");
  const redirectUri = required(query, "redirect_uri");
  if (!ctx.config.redirectUris.includes(redirectUri)) throw oauthError("oauthInvalidRedirectUri");
  const responseType = required(query, "response_type");
  if (responseType !== "code") throw oauthError("oauthInvalidResponseType", { value: responseType });
  const requested = [...new Set(required(query, "scope").split(/[,\s]+/).filter(Boolean))];
  const unknown = requested.filter((s) => !INSTAGRAM_SCOPES.includes(s));
  if (unknown.length) throw oauthError("oauthInvalidScope", { scope: unknown.join(",") });
  const state = stringParam(query, "state");
  const account = ctx.world.accounts.get(loginAccountId(ctx));
  if (!account) throw invalidParam("The login account no longer exists");

  const params = new URLSearchParams();
  if (ctx.config.oauthDeny) {
    params.set("error", "access_denied");
    params.set("error_reason", "user_denied");
    params.set("error_description", "The user denied your request.");
  } else {
    const code = ctx.ids.oauthCode();
    codes.add(code, {
      accountId: account.id,
      redirectUri,
      scopes: requested.filter((s) => account.grantScopes.includes(s)),
      createdAt: ctx.clock.now(),
      used: false,
    });
    params.set("code", code);
  }
  if (state !== undefined) params.set("state", state);
  const location = `${redirectUri}${redirectUri.includes("?") ? "&" : "?"}${params.toString()}#_`;
  res.writeHead(302, { location, "content-length": 0 });
  res.end();
}

/** `POST /oauth/access_token` (api.instagram.com): form fields only, like the real host. */
export async function handleCodeExchange(ctx: SimContext, codes: OAuthCodes, gr: GraphRequest): Promise<void> {
  const form = gr.bodyKind === "form" ? gr.params : {};
  const clientId = required(form, "client_id");
  if (clientId !== ctx.options.appId) throw oauthError("oauthInvalidClient");
  if (required(form, "client_secret") !== ctx.options.instagramAppSecret) throw oauthError("oauthInvalidSecret");
  const grant = required(form, "grant_type");
  if (grant !== "authorization_code") throw oauthError("oauthInvalidGrant", { grant });
  const redirectUri = required(form, "redirect_uri");
  const code = required(form, "code").replace(/#_$/, "");
  const record = codes.get(code);
  if (!record) throw oauthError("oauthCodeInvalid");
  if (record.used) throw oauthError("oauthCodeUsed");
  if (ctx.clock.now() - record.createdAt >= CODE_TTL_MS) throw oauthError("oauthCodeExpired");
  if (record.redirectUri !== redirectUri) throw oauthError("oauthRedirectMismatch");
  const account = ctx.world.accounts.get(record.accountId);
  if (!account) throw oauthError("oauthCodeInvalid");
  await gate(ctx, gr, null, "oauth", null);
  record.used = true;
  const token = ctx.tokens.issue(account.id, "short", record.scopes);
  const data = { access_token: token.token, user_id: account.appScopedId, permissions: record.scopes.join(",") };
  respond(gr, ctx.config.oauthResponseShape === "wrapped" ? { data: [data] } : data);
}

function tokenParam(ctx: SimContext, gr: GraphRequest): TokenRecord {
  const token = extractToken(gr.req.headers.authorization, gr.params);
  if (!token) throw new GraphError("missingToken");
  return ctx.tokens.check(token);
}

function longLivedAnswer(record: TokenRecord): Record<string, unknown> {
  return { access_token: record.token, token_type: "bearer", expires_in: Math.floor(LONG_LIVED_MS / 1000) };
}

/** `GET /access_token?grant_type=ig_exchange_token&client_secret=…&access_token=<short>`. */
export async function handleLongLivedExchange(ctx: SimContext, gr: GraphRequest): Promise<void> {
  const grant = stringParam(gr.params, "grant_type");
  if (grant === undefined) throw new GraphError("oauthMissingField", { field: "grant_type" });
  if (grant !== "ig_exchange_token") throw new GraphError("oauthInvalidGrant", { grant });
  const secret = stringParam(gr.params, "client_secret");
  if (secret === undefined) throw new GraphError("oauthMissingField", { field: "client_secret" });
  if (secret !== ctx.options.instagramAppSecret) throw new GraphError("oauthInvalidSecret");
  const short = tokenParam(ctx, gr);
  if (short.kind !== "short") throw new GraphError("tokenNotShortLived");
  await gate(ctx, gr, ctx.world.accounts.get(short.accountId) ?? null, "token", null);
  respond(gr, longLivedAnswer(ctx.tokens.issue(short.accountId, "long", short.scopes)));
}

/**
 * `GET /refresh_access_token?grant_type=ig_refresh_token&access_token=<long>`: only for a
 * long-lived token at least 24 h old and unexpired; the old token keeps working until its own
 * expiry ("invalidates nothing else").
 */
export async function handleRefresh(ctx: SimContext, gr: GraphRequest): Promise<void> {
  const grant = stringParam(gr.params, "grant_type");
  if (grant === undefined) throw new GraphError("oauthMissingField", { field: "grant_type" });
  if (grant !== "ig_refresh_token") throw new GraphError("oauthInvalidGrant", { grant });
  const current = tokenParam(ctx, gr);
  if (current.kind !== "long") throw new GraphError("tokenNotLongLived");
  if (ctx.clock.now() - current.issuedAt < MIN_REFRESH_AGE_MS) throw new GraphError("tokenTooYoung");
  await gate(ctx, gr, ctx.world.accounts.get(current.accountId) ?? null, "token", null);
  respond(gr, longLivedAnswer(ctx.tokens.issue(current.accountId, "long", current.scopes)));
}

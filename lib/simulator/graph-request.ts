import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimContext } from "./context";
import { GraphError } from "./errors";
import type { EndpointClass } from "./faults";
import { sendJson, type BodyKind } from "./http";
import { MESSAGING_CLASSES, type RateClass } from "./options";
import { bucUsageHeader, usageHeaders } from "./rate-limit";
import { checkAppsecretProof, extractToken, type TokenRecord } from "./tokens";
import type { Account } from "./world";

export type GraphRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path segments after the optional /vNN.N prefix. */
  segments: string[];
  version: string | null;
  params: Record<string, unknown>;
  bodyKind: BodyKind;
  /** Response headers gathered on the way (usage headers), sent with success and error alike. */
  headers: Record<string, string>;
};

export type Authed = { token: TokenRecord; account: Account };

/** Thrown after a fault destroyed the socket: there is nobody left to answer. */
export class ConnectionReset extends Error {
  override name = "ConnectionReset";
}

export function respond(gr: GraphRequest, body: unknown, status = 200): void {
  sendJson(gr.res, status, body, gr.headers);
}

/** Instagram Login tokens only work on graph.instagram.com (reference §7, "Auth"). */
function isFacebookHost(host: string | undefined): boolean {
  return !!host && host.toLowerCase().startsWith("graph.facebook.com");
}

export function authenticate(ctx: SimContext, gr: GraphRequest): Authed {
  const token = extractToken(gr.req.headers.authorization, gr.params);
  if (!token) throw new GraphError("missingToken");
  if (isFacebookHost(gr.req.headers.host)) throw new GraphError("tokenUnparseable");
  const record = ctx.tokens.check(token);
  checkAppsecretProof(gr.params.appsecret_proof, ctx.options.instagramAppSecret, token, ctx.config.requireAppsecretProof);
  const account = ctx.world.accounts.get(record.accountId);
  if (!account) throw new GraphError("tokenInvalid");
  return { token: record, account };
}

/** `me` or the token's own IG id; any other id is "does not exist … missing permissions" (100/33). */
export function requireSelf(authed: Authed, nodeId: string, method: string): Account {
  if (nodeId === "me" || nodeId === authed.account.id) return authed.account;
  throw new GraphError("unsupportedRequest", { method: method.toLowerCase(), id: nodeId });
}

export function requireScope(authed: Authed, scope: string): void {
  if (!authed.token.scopes.includes(scope)) throw new GraphError("permissionDenied");
}

export type GateResult = { sentButErrored: boolean };
const PASS: GateResult = { sentButErrored: false };
const SENT_BUT_ERRORED: GateResult = { sentButErrored: true };

/**
 * What stands between an authenticated, valid call and its effect: injected faults, an
 * injected throttle, then the app-level and per-account sliding windows. Every call that gets
 * here counts toward its window (Meta counts calls, not successes); usage headers are set on
 * `gr.headers` whether the call goes on or not.
 */
export async function gate(ctx: SimContext, gr: GraphRequest, account: Account | null, endpoint: EndpointClass, cls: RateClass | null): Promise<GateResult> {
  const accountId = account?.id ?? null;
  let sentButErrored = false;
  for (const rule of ctx.faults.match(accountId, endpoint)) {
    switch (rule.kind) {
      case "slow":
        await new Promise((r) => setTimeout(r, rule.delayMs));
        break;
      case "reset":
        gr.res.socket?.destroy();
        throw new ConnectionReset();
      case "transient":
        throw new GraphError(rule.code === 2 ? "serviceUnavailable" : "unknownError", {}, { status: rule.httpStatus ?? (rule.code === 2 ? 503 : 500) });
      case "revoke_token":
        if (accountId) ctx.tokens.setAccountState(accountId, "revoked");
        throw new GraphError("tokenSessionInvalidated");
      case "throttle":
        if (accountId) ctx.faults.throttle(accountId, ctx.clock.now() + rule.seconds * 1000, rule.throttleScope);
        break;
      case "sent_but_errored":
        sentButErrored = true;
        break;
    }
  }
  if (!account || !cls) return sentButErrored ? SENT_BUT_ERRORED : PASS;

  const now = ctx.clock.now();
  const messaging = MESSAGING_CLASSES.has(cls);
  const throttledMs = ctx.faults.throttledMs(account.id, messaging, now);
  if (throttledMs > 0) {
    ctx.limiter.violations.duringThrottle++;
    gr.headers["x-business-use-case-usage"] = bucUsageHeader(account.id, { ok: false, pct: 100, waitMs: throttledMs });
    // The wait is announced in X-Business-Use-Case-Usage.estimated_time_to_regain_access.
    throw new GraphError(messaging ? "messagingRateLimit" : "bucRateLimit");
  }
  const app = ctx.limiter.acquireApp(now, ctx.config.appLimit.windowMs);
  const usage = app.ok ? ctx.limiter.acquire(account.id, cls, now) : null;
  const headers = usageHeaders(account.id, usage, app, ctx.config.usageHeaderThresholdPct);
  if (headers) Object.assign(gr.headers, headers);
  if (!app.ok) throw new GraphError("appRateLimit");
  if (usage && !usage.ok) throw new GraphError(messaging ? "messagingRateLimit" : "bucRateLimit");
  return sentButErrored ? SENT_BUT_ERRORED : PASS;
}

import { z } from "zod";
import {
  expectShape,
  graphRequest,
  unexpectedResponse,
  type GraphRequest,
  type GraphResponse,
  type GraphTransportConfig,
} from "./graph-request";
import {
  ZCodeExchangeResponse,
  ZCreatedId,
  ZGraphComment,
  ZGraphMedia,
  ZGraphUserProfile,
  ZIceBreakers,
  ZMeResponse,
  ZMessengerProfileResult,
  ZSendResponse,
  ZSubscribedApps,
  ZSuccess,
  ZTokenResponse,
  type TGraphComment,
  type TGraphMedia,
  type TGraphUserProfile,
  type TIceBreaker,
  type TSendMessageBody,
} from "./graph-schemas";
import type { GraphUsage } from "./usage-headers";

/**
 * The one Graph API client (Instagram API with Instagram Login, reference §0, §2, §4). Production
 * and the simulator differ only in the base URLs. Uses the global fetch (undici), whose default
 * dispatcher keeps connections alive; pass `dispatcher` for a bigger pool.
 */

const ZGraphClientConfig = z.object({
  graphBaseUrl: z.url(),
  oauthBaseUrl: z.url(),
  authorizeBaseUrl: z.url(),
  apiVersion: z.string().regex(/^v\d+\.\d+$/, "must look like v25.0"),
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  timeoutMs: z.number().int().positive(),
  requireAppsecretProof: z.boolean(),
});

export type GraphClientConfig = z.input<typeof ZGraphClientConfig> & {
  fetchImpl?: typeof fetch;
  /** undici Dispatcher (e.g. `new Agent({ connections: 256 })`), handed to fetch untouched. */
  dispatcher?: unknown;
};

export type WithUsage<T> = T & { usage: GraphUsage };
export type CodeGrant = { accessToken: string; userId: string; permissions: string[] };
export type TokenGrant = { accessToken: string; tokenType?: string; expiresIn: number; permissions?: string[] };
export type GraphMe = {
  /** The professional account id: webhook entry.id and the <IG_ID> in paths. */
  userId: string;
  /** App-scoped id; differs from userId (reference §4.1 step 6). */
  id?: string;
  username?: string;
  name?: string;
  profilePictureUrl?: string;
  accountType?: string;
};

export const DEFAULT_ME_FIELDS = ["user_id", "username", "name", "profile_picture_url", "account_type"];
export const DEFAULT_COMMENT_FIELDS = ["id", "text", "timestamp", "from", "username", "hidden", "parent_id", "media"];
export const DEFAULT_MEDIA_FIELDS = ["id", "timestamp", "media_product_type"];
export const DEFAULT_PROFILE_FIELDS = ["name", "username", "profile_pic", "follower_count", "is_user_follow_business", "is_business_follow_user"];

const trimSlash = (u: string) => u.replace(/\/+$/, "");

/** Path segments are ids or "me"; refuse anything else so `/undefined/messages` can never be built. */
function segment(name: string, value: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(value)) throw new RangeError(`Graph client: ${name} must be a Graph id, got "${value.slice(0, 40)}"`);
  return value;
}

/**
 * Meta sends some ids as bare JSON numbers beyond 2^53 (the code exchange's `user_id`); JSON.parse
 * rounds them. Take the digits from the raw text instead. A quoted key inside a JSON string is
 * escaped (\"user_id\"), so the pattern cannot match string content.
 */
function exactNumericId(text: string, key: string): string | undefined {
  return new RegExp(`"${key}"\\s*:\\s*(\\d+)`).exec(text)?.[1];
}

export function createGraphClient(input: GraphClientConfig) {
  const cfg = ZGraphClientConfig.parse(input);
  const graphBase = trimSlash(cfg.graphBaseUrl);
  const oauthBase = trimSlash(cfg.oauthBaseUrl);
  const authorizeBase = trimSlash(cfg.authorizeBaseUrl);
  const transport: GraphTransportConfig = {
    appSecret: cfg.appSecret,
    timeoutMs: cfg.timeoutMs,
    requireAppsecretProof: cfg.requireAppsecretProof,
    fetchImpl: input.fetchImpl ?? globalThis.fetch.bind(globalThis),
    dispatcher: input.dispatcher,
  };

  const versioned = (path: string, query?: Record<string, string>) => {
    const url = new URL(`${graphBase}/${cfg.apiVersion}/${path}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url;
  };
  const call = (req: GraphRequest) => graphRequest(transport, req);

  /** One authenticated, versioned call whose 2xx body must match `schema`. Idempotent unless told otherwise. */
  async function graph<S extends z.ZodType>(
    operation: string,
    method: GraphRequest["method"],
    path: string,
    schema: S,
    opts: { token: string; query?: Record<string, string>; json?: unknown; idempotent?: boolean },
  ): Promise<{ data: z.infer<S>; res: GraphResponse; req: GraphRequest }> {
    const req: GraphRequest = {
      operation,
      method,
      url: versioned(path, opts.query),
      token: opts.token,
      json: opts.json,
      idempotent: opts.idempotent ?? true,
    };
    const res = await call(req);
    return { data: expectShape(req, res, schema), res, req };
  }

  async function tokenGrant(operation: string, url: URL): Promise<WithUsage<TokenGrant>> {
    const req: GraphRequest = { operation, method: "GET", url, idempotent: true };
    const res = await call(req);
    const t = expectShape(req, res, ZTokenResponse);
    return {
      accessToken: t.access_token,
      tokenType: t.token_type,
      expiresIn: t.expires_in,
      permissions: t.permissions,
      usage: res.usage,
    };
  }

  return {
    /** The browser consent URL (step 1 of reference §4.1). Scopes are comma-separated. */
    authorizeUrl(p: { redirectUri: string; state: string; scopes: string[]; forceReauth?: boolean }): string {
      const url = new URL(`${authorizeBase}/oauth/authorize`);
      url.searchParams.set("client_id", cfg.appId);
      url.searchParams.set("redirect_uri", p.redirectUri);
      url.searchParams.set("response_type", "code");
      url.searchParams.set("scope", p.scopes.join(","));
      url.searchParams.set("state", p.state);
      if (p.forceReauth) url.searchParams.set("force_reauth", "true");
      return url.toString();
    },

    /** Code → short-lived token (form POST). The code is single-use, so a timeout is ambiguous. */
    async exchangeCode(p: { code: string; redirectUri: string }): Promise<WithUsage<CodeGrant>> {
      // Instagram appends "#_" to the callback URL; pasted or naively parsed codes keep it.
      const code = p.code.trim().replace(/#_$/, "");
      const form = new URLSearchParams({
        client_id: cfg.appId,
        client_secret: cfg.appSecret,
        grant_type: "authorization_code",
        redirect_uri: p.redirectUri,
        code,
      });
      const url = new URL(`${oauthBase}/oauth/access_token`);
      const req: GraphRequest = { operation: "exchangeCode", method: "POST", url, form, idempotent: false };
      const res = await call(req);
      const r = expectShape(req, res, ZCodeExchangeResponse);
      const userId = exactNumericId(res.text, "user_id") ?? r.user_id;
      return { accessToken: r.access_token, userId, permissions: r.permissions ?? [], usage: res.usage };
    },

    /** Short-lived → long-lived (≈60 days). Meta documents the token and secret as query parameters here. */
    exchangeLongLived(shortToken: string): Promise<WithUsage<TokenGrant>> {
      const url = new URL(`${graphBase}/access_token`);
      url.searchParams.set("grant_type", "ig_exchange_token");
      url.searchParams.set("client_secret", cfg.appSecret);
      url.searchParams.set("access_token", shortToken);
      return tokenGrant("exchangeLongLived", url);
    },

    /** Long-lived token refresh; Meta accepts it only for tokens ≥24 h old and unexpired. */
    refreshToken(token: string): Promise<WithUsage<TokenGrant>> {
      const url = new URL(`${graphBase}/refresh_access_token`);
      url.searchParams.set("grant_type", "ig_refresh_token");
      url.searchParams.set("access_token", token);
      return tokenGrant("refreshToken", url);
    },

    async me(token: string, fields: string[] = DEFAULT_ME_FIELDS): Promise<WithUsage<GraphMe>> {
      const { data: m, res, req } = await graph("me", "GET", "me", ZMeResponse, { token, query: { fields: fields.join(",") } });
      const userId = exactNumericId(res.text, "user_id") ?? m.user_id;
      if (!userId) throw unexpectedResponse(req, res.status, res.usage, "Instagram did not return the account id", false);
      return {
        userId,
        id: exactNumericId(res.text, "id") ?? m.id,
        username: m.username,
        name: m.name ?? undefined,
        profilePictureUrl: m.profile_picture_url ?? undefined,
        accountType: m.account_type ?? undefined,
        usage: res.usage,
      };
    },

    async subscribeApp(token: string, igId: string, fields: string[]): Promise<WithUsage<{ success: boolean }>> {
      const path = `${segment("igId", igId)}/subscribed_apps`;
      const { data, res } = await graph("subscribeApp", "POST", path, ZSuccess, { token, query: { subscribed_fields: fields.join(",") } });
      return { success: data.success, usage: res.usage };
    },

    /** Stops webhook deliveries for the account (on disconnect); the token must still be valid. */
    async unsubscribeApp(token: string, igId: string): Promise<WithUsage<{ success: boolean }>> {
      const { data, res } = await graph("unsubscribeApp", "DELETE", `${segment("igId", igId)}/subscribed_apps`, ZSuccess, { token });
      return { success: data.success, usage: res.usage };
    },

    /** Fields this app is subscribed to for the account (entries of other apps are ignored when ids are given). */
    async getSubscribedApps(token: string, igId: string): Promise<WithUsage<{ subscribedFields: string[] }>> {
      const { data, res } = await graph("getSubscribedApps", "GET", `${segment("igId", igId)}/subscribed_apps`, ZSubscribedApps, { token });
      const ours = data.data.filter((a) => a.id === undefined || a.id === cfg.appId);
      return { subscribedFields: [...new Set(ours.flatMap((a) => a.subscribed_fields ?? []))], usage: res.usage };
    },

    /**
     * DM (`recipient.id`) or private reply (`recipient.comment_id`). Never retried here: Meta has no
     * idempotency key, so a timeout or broken connection surfaces as `ambiguous`.
     */
    async sendMessage(
      token: string,
      igId: string,
      body: TSendMessageBody,
    ): Promise<WithUsage<{ recipientId: string; messageId?: string }>> {
      segment("recipient", "id" in body.recipient ? body.recipient.id : body.recipient.comment_id);
      const path = `${segment("igId", igId)}/messages`;
      const { data, res, req } = await graph("sendMessage", "POST", path, ZSendResponse, { token, json: body, idempotent: false });
      // A message send without a message_id cannot be reconciled by id: its outcome is unknown.
      if (body.message && !data.message_id) {
        throw unexpectedResponse(req, res.status, res.usage, "Instagram did not return the message id", false);
      }
      const recipientId = exactNumericId(res.text, "recipient_id") ?? data.recipient_id;
      return { recipientId, messageId: data.message_id, usage: res.usage };
    },

    /** Public reply under a comment; returns the new comment's id. */
    async replyToComment(token: string, commentId: string, message: string): Promise<WithUsage<{ id: string }>> {
      const path = `${segment("commentId", commentId)}/replies`;
      const { data, res } = await graph("replyToComment", "POST", path, ZCreatedId, { token, json: { message }, idempotent: false });
      return { id: data.id, usage: res.usage };
    },

    async hideComment(token: string, commentId: string, hide: boolean): Promise<WithUsage<{ success: boolean }>> {
      const { data, res } = await graph("hideComment", "POST", segment("commentId", commentId), ZSuccess, { token, json: { hide } });
      return { success: data.success, usage: res.usage };
    },

    async deleteComment(token: string, commentId: string): Promise<WithUsage<{ success: boolean }>> {
      const { data, res } = await graph("deleteComment", "DELETE", segment("commentId", commentId), ZSuccess, { token });
      return { success: data.success, usage: res.usage };
    },

    /** Use it for the comment's real `timestamp` (the 7-day private-reply rule); entry.time is not it. */
    async getComment(token: string, commentId: string, fields = DEFAULT_COMMENT_FIELDS): Promise<WithUsage<{ comment: TGraphComment }>> {
      const query = { fields: fields.join(",") };
      const { data, res } = await graph("getComment", "GET", segment("commentId", commentId), ZGraphComment, { token, query });
      return { comment: data, usage: res.usage };
    },

    /** A post of the account (its publish time decides which post a next-post automation attaches to). */
    async getMedia(token: string, mediaId: string, fields = DEFAULT_MEDIA_FIELDS): Promise<WithUsage<{ media: TGraphMedia }>> {
      const query = { fields: fields.join(",") };
      const { data, res } = await graph("getMedia", "GET", segment("mediaId", mediaId), ZGraphMedia, { token, query });
      return { media: data, usage: res.usage };
    },

    /** Fails with 230 (classified `expected`) until the person has messaged the account. */
    async getUserProfile(token: string, igsid: string, fields = DEFAULT_PROFILE_FIELDS): Promise<WithUsage<{ profile: TGraphUserProfile }>> {
      const query = { fields: fields.join(",") };
      const { data, res } = await graph("getUserProfile", "GET", segment("igsid", igsid), ZGraphUserProfile, { token, query });
      return { profile: data, usage: res.usage };
    },

    /** Replaces the account's ice breakers (≤4) for one locale; Meta requires a "default" locale. */
    async setIceBreakers(token: string, igId: string, items: TIceBreaker[], locale = "default"): Promise<WithUsage<{ success: boolean }>> {
      const json = { platform: "instagram", ice_breakers: [{ call_to_actions: ZIceBreakers.parse(items), locale }] };
      const path = `${segment("igId", igId)}/messenger_profile`;
      const { data, res } = await graph("setIceBreakers", "POST", path, ZMessengerProfileResult, { token, json });
      return { success: data.result === "success", usage: res.usage };
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

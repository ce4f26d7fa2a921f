import { createHmac, timingSafeEqual } from "node:crypto";
import type { Clock } from "./clock";
import { GraphError } from "./errors";
import type { IdFactory } from "./ids";

export const SCOPES = {
  basic: "instagram_business_basic",
  messages: "instagram_business_manage_messages",
  comments: "instagram_business_manage_comments",
  publish: "instagram_business_content_publish",
  insights: "instagram_business_manage_insights",
} as const;
export const INSTAGRAM_SCOPES: readonly string[] = Object.values(SCOPES);

export const SHORT_LIVED_MS = 3_600_000;
export const LONG_LIVED_MS = 60 * 86_400_000;
/** `ig_refresh_token` refuses tokens younger than this (reference §4.1 step 5). */
export const MIN_REFRESH_AGE_MS = 86_400_000;

export type TokenKind = "short" | "long";
/**
 * Why a token stopped working; each maps to Meta's 190 subcode: revoked and password_changed
 * → 460, invalidated (logged out) → 467, deauthorized (app removed) → 458. Expiry is derived
 * from `expiresAt` (→ 463).
 */
export const TOKEN_STATES = ["active", "revoked", "password_changed", "invalidated", "deauthorized"] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

export type TokenRecord = {
  token: string;
  accountId: string;
  kind: TokenKind;
  issuedAt: number;
  expiresAt: number;
  state: TokenState;
  scopes: string[];
};

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly byAccount = new Map<string, Set<string>>();

  constructor(
    private readonly ids: IdFactory,
    private readonly clock: Clock,
    private readonly appId: string,
  ) {}

  issue(accountId: string, kind: TokenKind, scopes: readonly string[], opts: { token?: string; issuedAt?: number } = {}): TokenRecord {
    const issuedAt = opts.issuedAt ?? this.clock.now();
    const record: TokenRecord = {
      token: opts.token ?? this.ids.token(kind),
      accountId,
      kind,
      issuedAt,
      expiresAt: issuedAt + (kind === "short" ? SHORT_LIVED_MS : LONG_LIVED_MS),
      state: "active",
      scopes: [...scopes],
    };
    if (this.tokens.has(record.token)) throw new Error("token already registered");
    this.tokens.set(record.token, record);
    let set = this.byAccount.get(accountId);
    if (!set) this.byAccount.set(accountId, (set = new Set()));
    set.add(record.token);
    return record;
  }

  get(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  forAccount(accountId: string): TokenRecord[] {
    return [...(this.byAccount.get(accountId) ?? [])].map((t) => this.tokens.get(t)).filter((r): r is TokenRecord => !!r);
  }

  setAccountState(accountId: string, state: TokenState): void {
    for (const record of this.forAccount(accountId)) record.state = state;
  }

  /** The token as Graph sees it now, or the 190 error Meta would answer with. */
  check(token: string): TokenRecord {
    const record = this.tokens.get(token);
    if (!record) throw new GraphError("tokenUnparseable");
    switch (record.state) {
      case "revoked":
      case "password_changed":
        throw new GraphError("tokenSessionInvalidated");
      case "invalidated":
        throw new GraphError("tokenInvalid");
      case "deauthorized":
        throw new GraphError("tokenAppNotAuthorized", { appId: this.appId });
      case "active":
        break;
    }
    const now = this.clock.now();
    if (now >= record.expiresAt) {
      throw new GraphError("tokenExpired", { expiredAt: metaDate(record.expiresAt), now: metaDate(now) });
    }
    return record;
  }

  reset(): void {
    this.tokens.clear();
    this.byAccount.clear();
  }
}

/** "Sunday, 01-Mar-26 10:00:00 PST"-like, as Meta writes dates in 463 messages. */
function metaDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** `Authorization: Bearer|OAuth <token>` wins over the `access_token` query/form parameter. */
export function extractToken(authorization: string | undefined, params: Record<string, unknown>): string | undefined {
  if (authorization) {
    const space = authorization.indexOf(" ");
    const scheme = space > 0 ? authorization.slice(0, space).toLowerCase() : "";
    if (scheme === "bearer" || scheme === "oauth") {
      const token = authorization.slice(space + 1).trim();
      if (token) return token;
    }
  }
  const fromParams = params.access_token;
  return typeof fromParams === "string" && fromParams ? fromParams : undefined;
}

export function appsecretProof(secret: string, token: string): string {
  return createHmac("sha256", secret).update(token).digest("hex");
}

/** Meta checks a proof whenever one is sent, and demands one when "Require App Secret" is on. */
export function checkAppsecretProof(given: unknown, secret: string, token: string, required: boolean): void {
  if (given === undefined || given === "") {
    if (required) throw new GraphError("appsecretProofMissing");
    return;
  }
  const expected = Buffer.from(appsecretProof(secret, token));
  const actual = Buffer.from(String(given));
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new GraphError("appsecretProofInvalid");
}

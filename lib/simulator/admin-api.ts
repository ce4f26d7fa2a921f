import type { z } from "zod";
import {
  ZAccountInput, ZAccountPatch, ZMediaInput, ZMediaPatch, ZThrottleInput, ZTokenInput, ZTokenState, ZUserInput, ZUserPatch,
  type TAccountInput, type TAccountPatch, type TMediaInput, type TMediaPatch, type TTokenInput, type TTokenState, type TUserInput, type TUserPatch,
} from "./admin-schemas";
import { graphTime } from "./clock";
import type { SimContext } from "./context";
import { dashboardTestBody, postSignedRequest, ZEmitterConfigPatch, type CallbackResult, type EmitterConfig, type HandshakeResult } from "./emitter";
import { GraphError } from "./errors";
import type { FaultRule, TFaultInput } from "./faults";
import type { OAuthCodes } from "./oauth";
import { onlyGiven, resolveLimits, ZLimitsPatch, ZRuntimeConfigPatch, type AccountLimits, type RuntimeConfig, type TLimitsPatch, type TRuntimeConfigPatch } from "./options";
import type { ScenarioManager, ScenarioRun, ScenarioRunView } from "./scenarios";
import type { SendEntry, SendQuery } from "./send-record";
import { INSTAGRAM_SCOPES, type TokenRecord } from "./tokens";
import { performAction, type ActionResult, type TUserAction } from "./user-actions";
import { windowClosesAt } from "./window";
import type { Account, Media, User } from "./world";
import { buildStats, type SimStats } from "./stats";

/** Accounts as the admin API shows them (the field set as an array). */
export type AccountView = Omit<Account, "subscribedFields"> & { subscribedFields: string[] };
export type UserView = User & { windowClosesAt: string | null };
export type TokenView = Omit<TokenRecord, "issuedAt" | "expiresAt"> & { issuedAt: string; expiresAt: string; expiresIn: number };
export type CreatedAccount = { account: AccountView; token: string };

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new GraphError("adminNotFound", { detail: `${what} not found` });
  return value;
}
const invalid = (detail: string) => new GraphError("adminInvalid", { detail });

export type AdminDeps = { ctx: SimContext; codes: OAuthCodes; scenarios: ScenarioManager; resetWorld(): void };

/**
 * The simulator's control surface, in process. The HTTP admin endpoints (admin.ts) are thin
 * wrappers over the same calls; every input goes through the same zod schemas.
 */
export function createAdminApi({ ctx, codes, scenarios, resetWorld }: AdminDeps) {
  const { world, tokens, limiter, faults, sends, emitter, clock } = ctx;

  const account = (id: string): Account => must(world.accounts.get(id), `account ${id}`);
  const accountView = (a: Account): AccountView => ({ ...a, subscribedFields: [...a.subscribedFields], limits: { ...a.limits } });
  const userView = (u: User): UserView => {
    const closes = windowClosesAt(u, clock.now());
    return { ...u, recentMids: [...u.recentMids], windowClosesAt: closes === null ? null : graphTime(closes) };
  };
  const tokenView = (t: TokenRecord): TokenView => ({
    ...t, scopes: [...t.scopes], issuedAt: graphTime(t.issuedAt), expiresAt: graphTime(t.expiresAt), expiresIn: Math.max(0, Math.floor((t.expiresAt - clock.now()) / 1000)),
  });

  function issueToken(accountId: string, input: TTokenInput = {}): TokenView {
    const a = account(accountId);
    const t = ZTokenInput.parse(input);
    const scopes = t.scopes ?? a.grantScopes;
    try {
      return tokenView(tokens.issue(a.id, t.kind, scopes, { token: t.token, issuedAt: clock.now() - t.ageMs }));
    } catch (err) {
      throw invalid((err as Error).message);
    }
  }

  function createAccount(input: TAccountInput = {}): CreatedAccount {
    const a = ZAccountInput.parse(input);
    if (a.id && world.accounts.has(a.id)) throw invalid(`account ${a.id} already exists`);
    if (a.token && tokens.get(a.token)) throw invalid("that token is already registered");
    const created = world.addAccount({
      id: a.id,
      username: a.username ?? `business_${world.accounts.size + 1}`,
      name: a.name ?? "Simulated Business",
      accountType: a.accountType,
      profilePictureUrl: "https://scontent.cdninstagram.com/v/simulated/profile.jpg",
      followersCount: a.followersCount,
      dmsEnabled: a.dmsEnabled,
      humanAgent: a.humanAgent,
      grantScopes: a.grantScopes ?? [...INSTAGRAM_SCOPES],
      limits: resolveLimits(ctx.config.defaultLimits, a.limits),
      subscribedFields: new Set(a.subscribedFields),
      messengerProfile: { iceBreakers: null, persistentMenu: null },
    });
    const token = issueToken(created.id, { kind: a.tokenKind, ageMs: a.tokenAgeMs, token: a.token });
    return { account: accountView(created), token: token.token };
  }

  return {
    createAccount,
    issueToken,
    account: (id: string): AccountView => accountView(account(id)),
    accounts: (): AccountView[] => [...world.accounts.values()].map(accountView),
    updateAccount(id: string, patch: TAccountPatch): AccountView {
      const a = account(id);
      const p = ZAccountPatch.parse(patch);
      const { subscribedFields, ...rest } = p;
      Object.assign(a, rest);
      if (subscribedFields) a.subscribedFields = new Set(subscribedFields);
      return accountView(a);
    },
    /** New limits start with empty windows. */
    setLimits(id: string, patch: TLimitsPatch): AccountLimits {
      const a = account(id);
      a.limits = resolveLimits(a.limits, ZLimitsPatch.parse(patch));
      limiter.resetAccount(a.id);
      return { ...a.limits };
    },
    tokens: (accountId: string): TokenView[] => tokens.forAccount(account(accountId).id).map(tokenView),
    setTokenState(token: string, state: TTokenState): TokenView {
      const record = must(tokens.get(token), "token");
      const s = ZTokenState.parse(state);
      if (s === "expired") record.expiresAt = Math.min(record.expiresAt, clock.now());
      else record.state = s;
      return tokenView(record);
    },
    /** An injected throttle: 613 / 80002 for `seconds`; calls meanwhile are counted apart from violations. */
    throttle(accountId: string, input: z.input<typeof ZThrottleInput>): { until: string } {
      const a = account(accountId);
      const t = ZThrottleInput.parse(input);
      const until = clock.now() + t.seconds * 1000;
      faults.throttle(a.id, until, t.scope);
      return { until: graphTime(until) };
    },

    createUser(input: TUserInput): UserView {
      const u = ZUserInput.parse(input);
      account(u.accountId);
      if (u.igsid && world.users.has(u.igsid)) throw invalid(`user ${u.igsid} already exists`);
      const user = world.addUser({
        ...u,
        username: u.username ?? `user_${world.users.size + 1}`,
        lastInboundAt: null,
        lastPrivateReplyAt: null,
      });
      return userView(user);
    },
    user(igsid: string): UserView {
      return userView(must(world.users.get(igsid), `user ${igsid}`));
    },
    updateUser(igsid: string, patch: TUserPatch): UserView {
      const user = must(world.users.get(igsid), `user ${igsid}`);
      Object.assign(user, ZUserPatch.parse(patch));
      return userView(user);
    },

    createMedia(input: TMediaInput): Media {
      const m = ZMediaInput.parse(input);
      account(m.accountId);
      if (m.id && world.media.has(m.id)) throw invalid(`media ${m.id} already exists`);
      return { ...world.addMedia({ ...m, liveActive: m.liveActive ?? m.live, ad: m.ad ?? null }) };
    },
    /** e.g. `{liveActive: false}` ends a broadcast: its comments can no longer be privately replied to. */
    updateMedia(id: string, patch: TMediaPatch): Media {
      const media = must(world.media.get(id), `media ${id}`);
      Object.assign(media, ZMediaPatch.parse(patch));
      return { ...media };
    },
    comment: (id: string) => {
      const c = must(world.comments.get(id), `comment ${id}`);
      return { ...c, replyIds: [...c.replyIds] };
    },

    act: (action: TUserAction): ActionResult => performAction(ctx, action),
    actMany: (actions: TUserAction[]): ActionResult[] => actions.map((a) => performAction(ctx, a)),

    addFault: (input: TFaultInput): FaultRule => faults.add(input),
    faults: (): FaultRule[] => faults.list(),
    removeFault: (id: string): boolean => faults.remove(id),
    clearFaults: (): void => faults.clear(),

    sends: (q: SendQuery = {}): SendEntry[] => sends.query(q),
    stats: (): SimStats => buildStats(ctx),

    config: (): RuntimeConfig => structuredClone(ctx.config),
    setConfig(patch: TRuntimeConfigPatch): RuntimeConfig {
      const given = onlyGiven(ZRuntimeConfigPatch.parse(patch), patch);
      Object.assign(ctx.config, given);
      if (given.appLimit) limiter.setAppLimit(given.appLimit);
      return structuredClone(ctx.config);
    },
    clock: () => ({ now: graphTime(clock.now()), nowMs: clock.now(), offsetMs: clock.offsetMs }),
    advanceClock(ms: number) {
      if (!Number.isInteger(ms) || ms < 0) throw invalid("advanceMs must be a non-negative integer");
      clock.advance(ms);
      return { now: graphTime(clock.now()), nowMs: clock.now(), offsetMs: clock.offsetMs };
    },

    webhooks: (): EmitterConfig => emitter.settings,
    configureWebhooks(patch: Record<string, unknown>): EmitterConfig {
      return emitter.configure(onlyGiven(ZEmitterConfigPatch.parse(patch), patch));
    },
    verifyWebhook: (opts: { verifyToken?: string; callbackUrl?: string } = {}): Promise<HandshakeResult> => emitter.verify(opts),
    /** The App Dashboard "Test" button: entry id "0", `changes[]` even for messages. */
    sendTestWebhook(field = "messages"): void {
      emitter.emitBody(dashboardTestBody(field, clock.now()));
    },
    flushWebhooks: () => emitter.flush().then(() => emitter.counters()),

    /** The user removes the app: tokens fail with 190/458, subscriptions stop, the callback is signed. */
    async deauthorize(accountId: string, url?: string): Promise<CallbackResult> {
      const a = account(accountId);
      const target = url ?? ctx.config.deauthorizeUrl;
      if (!target) throw invalid("no deauthorize callback URL (config.deauthorizeUrl or url)");
      tokens.setAccountState(a.id, "deauthorized");
      a.subscribedFields = new Set();
      return postSignedRequest(target, signedRequestSecret(ctx), a.appScopedId, clock.now(), emitter.settings.timeoutMs);
    },
    async requestDataDeletion(accountId: string, url?: string): Promise<CallbackResult> {
      const a = account(accountId);
      const target = url ?? ctx.config.dataDeletionUrl;
      if (!target) throw invalid("no data-deletion callback URL (config.dataDeletionUrl or url)");
      return postSignedRequest(target, signedRequestSecret(ctx), a.appScopedId, clock.now(), emitter.settings.timeoutMs);
    },

    scenarios: () => scenarios.list(),
    runScenario: (name: string, params: Record<string, unknown> = {}): ScenarioRun => scenarios.run(name, params),
    scenarioRun: (id: string): ScenarioRunView => must(scenarios.get(id), `scenario run ${id}`),
    scenarioRuns: (): ScenarioRunView[] => scenarios.all(),
    stopScenario: (id: string): boolean => scenarios.stop(id),

    /** Empties the world, tokens, records, windows and faults; the test account comes back. */
    reset(): void {
      scenarios.stopAll();
      codes.reset();
      resetWorld();
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;

function signedRequestSecret(ctx: SimContext): string {
  return ctx.options.signedRequestSecret === "meta" ? ctx.options.appSecret : ctx.options.instagramAppSecret;
}

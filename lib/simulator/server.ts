import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createLogger } from "@/lib/logger";
import { createAdminHandler } from "./admin";
import { createAdminApi, type AdminApi } from "./admin-api";
import { Clock } from "./clock";
import type { SimContext } from "./context";
import { WebhookEmitter } from "./emitter";
import { GraphError, renderError } from "./errors";
import { FaultInjector } from "./faults";
import { ConnectionReset, type GraphRequest } from "./graph-request";
import { BodyTooLargeError, bodyKind, graphParams, readBody, sendJson } from "./http";
import { IdFactory } from "./ids";
import { handleAuthorize, handleCodeExchange, OAuthCodes } from "./oauth";
import { ZRuntimeConfig, ZSimulatorOptions, type SimulatorOptionsInput } from "./options";
import { RateLimiter } from "./rate-limit";
import { Rng } from "./rng";
import { routeGraph } from "./router";
import { BUILTIN_SCENARIOS, ScenarioManager } from "./scenarios";
import { SendRecord } from "./send-record";
import { buildStats, type SimStats } from "./stats";
import { isSubscribed } from "./subscriptions";
import { TokenStore } from "./tokens";
import { World } from "./world";

export type SimulatorState = Pick<SimContext, "world" | "sends" | "tokens" | "limiter" | "faults" | "clock" | "config"> & {
  violations: SimContext["limiter"]["violations"];
  stats(): SimStats;
};

export type Simulator = {
  /** `http://host:port`: base URL for the Graph host, the OAuth host and `/__admin`. */
  url: string;
  port: number;
  close(): Promise<void>;
  state: SimulatorState;
  emitter: WebhookEmitter;
  admin: AdminApi;
  /** The configured test account and its long-lived token (re-issued by `admin.reset()`). */
  readonly testAccount: { id: string; username: string; token: string } | null;
};

const VERSION = /^v\d+\.\d+$/;

/**
 * Starts a simulator of graph.instagram.com, api.instagram.com's OAuth endpoints and the
 * webhook emitter on one port. Everything is in memory; `port: 0` picks a free port.
 */
export async function createSimulator(input: SimulatorOptionsInput = {}, deps: { logger?: Logger } = {}): Promise<Simulator> {
  const options = ZSimulatorOptions.parse(input);
  const log = deps.logger ?? createLogger({ name: "graph-simulator" });
  const rng = new Rng(options.seed);
  const ids = new IdFactory(rng);
  const clock = new Clock();
  const config = ZRuntimeConfig.parse(options);
  const world = new World(ids, clock, options.caps);
  const emitter = new WebhookEmitter(options.webhooks, {
    secret: options.instagramAppSecret,
    clock,
    rng,
    log,
    accountSubscribed: (id, field) => isSubscribed(world.accounts.get(id), field),
    unsubscribe: (id) => {
      const account = world.accounts.get(id);
      if (account) account.subscribedFields = new Set();
    },
  });
  const ctx: SimContext = {
    options,
    config,
    clock,
    rng,
    ids,
    log,
    world,
    tokens: new TokenStore(ids, clock, options.appId),
    limiter: new RateLimiter((id) => world.accounts.get(id)?.limits, config.appLimit, options.caps.violationSamples),
    faults: new FaultInjector(rng),
    sends: new SendRecord(options.caps.sends),
    emitter,
  };
  const codes = new OAuthCodes();
  const scenarios = new ScenarioManager(ctx, BUILTIN_SCENARIOS);

  let testAccount: Simulator["testAccount"] = null;
  const seedTestAccount = () => {
    const t = options.testAccount;
    if (!t) return;
    const created = admin.createAccount({ id: t.id, username: t.username, name: t.name, token: t.token, subscribedFields: t.subscribedFields });
    testAccount = { id: t.id, username: t.username, token: created.token };
  };
  const admin = createAdminApi({
    ctx,
    codes,
    scenarios,
    resetWorld: () => {
      world.reset();
      ctx.tokens.reset();
      ctx.limiter.reset(config.appLimit);
      ctx.faults.reset();
      ctx.sends.reset();
      clock.reset();
      seedTestAccount();
    },
  });
  seedTestAccount();
  const adminHandler = createAdminHandler(admin, log, () => config.locale, () => ids.fbtraceId());

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    const query = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
    const method = req.method ?? "GET";
    const gr: GraphRequest = { req, res, method, segments: [], version: null, params: {}, bodyKind: "none", headers: {} };
    let oauthHost = false;
    try {
      const body = await readBody(req, options.caps.bodyBytes);
      if (pathname.startsWith("/__admin/")) return await adminHandler(method, pathname, query, body, res);
      gr.bodyKind = bodyKind(req.headers["content-type"], body);
      if (pathname === "/oauth/authorize" || pathname === "/oauth/access_token") {
        oauthHost = true;
        gr.segments = ["oauth", pathname.slice(7)];
        if (pathname === "/oauth/authorize" && method === "GET") return handleAuthorize(ctx, codes, Object.fromEntries(query), res);
        if (pathname === "/oauth/access_token" && method === "POST") {
          // api.instagram.com reads the form body only: JSON or query parameters count as missing.
          gr.params = gr.bodyKind === "form" ? graphParams(new URLSearchParams(), body, "form") : {};
          return await handleCodeExchange(ctx, codes, gr);
        }
        throw new GraphError("unsupportedRequest", { method: method.toLowerCase(), id: pathname });
      }
      const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
      if (segments[0] && /^v\d/.test(segments[0])) {
        const version = segments.shift() as string;
        if (!VERSION.test(version) || !config.supportedVersions.includes(version)) throw new GraphError("unsupportedVersion", { version });
        gr.version = version;
        gr.headers["facebook-api-version"] = version;
      }
      gr.segments = segments;
      gr.params = graphParams(query, body, gr.bodyKind);
      await routeGraph(ctx, gr);
    } catch (caught) {
      if (caught instanceof ConnectionReset) return;
      let err = caught;
      if (err instanceof BodyTooLargeError) err = new GraphError("requestTooLarge");
      if (!(err instanceof GraphError)) {
        log.error({ err, method, path: pathname }, "simulator request failed");
        err = new GraphError("unknownError");
      }
      const graphErr = err as GraphError;
      const rendered = renderError(new GraphError(graphErr.key, graphErr.vars, { ...graphErr.opts, oauthHost }), config.locale, config.oauthErrorStyle, ids.fbtraceId());
      sendJson(res, rendered.status, rendered.body, { ...gr.headers, ...rendered.headers });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  // Benchmarks hold keep-alive connections open between bursts.
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 31_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  log.info({ port, host: options.host }, "graph simulator listening");

  return {
    url: `http://${host}:${port}`,
    port,
    state: {
      world,
      sends: ctx.sends,
      tokens: ctx.tokens,
      limiter: ctx.limiter,
      violations: ctx.limiter.violations,
      faults: ctx.faults,
      clock,
      config,
      stats: () => buildStats(ctx),
    },
    emitter,
    admin,
    get testAccount() {
      return testAccount;
    },
    async close() {
      scenarios.stopAll();
      emitter.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

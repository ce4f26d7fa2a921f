import type { ServerResponse } from "node:http";
import type { Logger } from "pino";
import { z, ZodError } from "zod";
import type { AdminApi } from "./admin-api";
import { ZCallbackInput, ZClockInput, ZScenarioRunInput, ZSendsQuery, ZTestWebhookInput, ZTokenState, ZVerifyInput, type TMediaInput, type TUserInput } from "./admin-schemas";
import { errorCatalogue, GraphError, renderError, type Locale } from "./errors";
import type { TFaultInput } from "./faults";
import { sendJson } from "./http";
import type { TUserAction } from "./user-actions";

/**
 * `/__admin/*`: JSON over HTTP for the same calls as the in-process admin API. Bad input is a
 * 400 in Meta's envelope (type SimulatorAdminException, code 100) with the zod issues attached.
 */
type Params = Record<string, string>;
type Handler = (body: Record<string, unknown>, params: Params, query: URLSearchParams) => unknown;
type Route = { method: string; pattern: RegExp; handle: Handler };

function route(method: string, template: string, handle: Handler): Route {
  const source = template.replace(/:(\w+)/g, "(?<$1>[^/]+)");
  return { method, pattern: new RegExp(`^/__admin${source}/?$`), handle };
}

const ZBatchActions = z.object({ actions: z.array(z.record(z.string(), z.unknown())).min(1).max(100_000) }).strict();
const ZBatchUsers = z.object({ users: z.array(z.record(z.string(), z.unknown())).min(1).max(100_000) }).strict();
const ZTokenStateInput = z.object({ state: ZTokenState }).strict();

function routes(admin: AdminApi): Route[] {
  return [
    route("GET", "/state", () => ({ config: admin.config(), clock: admin.clock(), accounts: admin.accounts(), faults: admin.faults(), webhooks: admin.webhooks() })),
    route("POST", "/reset", () => (admin.reset(), { success: true })),
    route("GET", "/config", () => admin.config()),
    route("POST", "/config", (b) => admin.setConfig(b)),
    route("GET", "/clock", () => admin.clock()),
    route("POST", "/clock", (b) => admin.advanceClock(ZClockInput.parse(b).advanceMs)),

    route("GET", "/accounts", () => ({ data: admin.accounts() })),
    route("POST", "/accounts", (b) => admin.createAccount(b)),
    route("GET", "/accounts/:id", (_, p) => admin.account(p.id as string)),
    route("POST", "/accounts/:id", (b, p) => admin.updateAccount(p.id as string, b)),
    route("POST", "/accounts/:id/limits", (b, p) => admin.setLimits(p.id as string, b)),
    route("GET", "/accounts/:id/tokens", (_, p) => ({ data: admin.tokens(p.id as string) })),
    route("POST", "/accounts/:id/tokens", (b, p) => admin.issueToken(p.id as string, b)),
    route("POST", "/accounts/:id/throttle", (b, p) => admin.throttle(p.id as string, b as { seconds: number; scope?: "messaging" | "buc" | "all" })),
    route("POST", "/tokens/:token", (b, p) => admin.setTokenState(p.token as string, ZTokenStateInput.parse(b).state)),

    route("POST", "/users", (b) => ("users" in b ? { data: ZBatchUsers.parse(b).users.map((u) => admin.createUser(u as TUserInput)) } : admin.createUser(b as TUserInput))),
    route("GET", "/users/:id", (_, p) => admin.user(p.id as string)),
    route("POST", "/users/:id", (b, p) => admin.updateUser(p.id as string, b)),
    route("POST", "/media", (b) => admin.createMedia(b as TMediaInput)),
    route("POST", "/media/:id", (b, p) => admin.updateMedia(p.id as string, b)),
    route("GET", "/comments/:id", (_, p) => admin.comment(p.id as string)),
    route("POST", "/actions", (b) =>
      "actions" in b ? { data: admin.actMany(ZBatchActions.parse(b).actions as TUserAction[]) } : admin.act(b as TUserAction),
    ),

    route("GET", "/faults", () => ({ data: admin.faults() })),
    route("POST", "/faults", (b) => admin.addFault(b as TFaultInput)),
    route("DELETE", "/faults", () => (admin.clearFaults(), { success: true })),
    route("DELETE", "/faults/:id", (_, p) => ({ success: admin.removeFault(p.id as string) })),

    route("GET", "/sends", (_, __, q) => {
      const f = ZSendsQuery.parse(Object.fromEntries(q));
      const data = admin.sends({ account: f.account, recipient: f.recipient, commentId: f.comment_id, kind: f.kind, since: f.since, limit: f.limit });
      return { data, count: data.length };
    }),
    route("GET", "/stats", () => admin.stats()),
    route("GET", "/violations", () => admin.stats().violations),
    route("GET", "/errors", () => ({ data: errorCatalogue() })),

    route("GET", "/webhooks", () => ({ config: admin.webhooks(), counters: admin.stats().emitter })),
    route("POST", "/webhooks", (b) => admin.configureWebhooks(b)),
    route("POST", "/webhooks/verify", (b) => admin.verifyWebhook(ZVerifyInput.parse(b))),
    route("POST", "/webhooks/test", (b) => (admin.sendTestWebhook(ZTestWebhookInput.parse(b).field), { success: true })),
    route("POST", "/webhooks/flush", () => admin.flushWebhooks()),
    route("POST", "/callbacks/deauthorize", (b) => {
      const i = ZCallbackInput.parse(b);
      return admin.deauthorize(i.accountId, i.url);
    }),
    route("POST", "/callbacks/data-deletion", (b) => {
      const i = ZCallbackInput.parse(b);
      return admin.requestDataDeletion(i.accountId, i.url);
    }),

    route("GET", "/scenarios", () => ({ data: admin.scenarios(), runs: admin.scenarioRuns() })),
    route("POST", "/scenarios/run", async (b) => {
      const i = ZScenarioRunInput.parse(b);
      const run = admin.runScenario(i.name, i.params);
      return i.wait ? run.done : run.view();
    }),
    route("GET", "/scenarios/:id", (_, p) => admin.scenarioRun(p.id as string)),
    route("POST", "/scenarios/:id/stop", (_, p) => ({ success: admin.stopScenario(p.id as string) })),
  ];
}

export type AdminHandler = (method: string, path: string, query: URLSearchParams, body: Buffer, res: ServerResponse) => Promise<void>;

export function createAdminHandler(admin: AdminApi, log: Logger, locale: () => Locale, fbtrace: () => string): AdminHandler {
  const table = routes(admin);
  const fail = (res: ServerResponse, err: GraphError) => {
    const r = renderError(err, locale(), "graph", fbtrace());
    sendJson(res, r.status, r.body);
  };
  return async (method, path, query, body, res) => {
    let params: Params | undefined;
    const matched = table.find((r) => {
      if (r.method !== method) return false;
      const m = r.pattern.exec(path);
      if (m) params = Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      return !!m;
    });
    if (!matched || !params) return fail(res, new GraphError("adminNotFound", { detail: `no admin endpoint ${method} ${path}` }));
    try {
      let input: unknown = {};
      if (body.length) {
        try {
          input = JSON.parse(body.toString("utf8"));
        } catch {
          throw new GraphError("adminInvalid", { detail: "the body is not valid JSON" });
        }
      }
      if (!input || typeof input !== "object" || Array.isArray(input)) throw new GraphError("adminInvalid", { detail: "the body must be a JSON object" });
      const result = await matched.handle(input as Record<string, unknown>, params, query);
      sendJson(res, 200, result ?? { success: true });
    } catch (err) {
      if (err instanceof ZodError) {
        return fail(res, new GraphError("adminInvalid", { detail: z.prettifyError(err) }, { extra: { issues: err.issues } }));
      }
      if (err instanceof GraphError) return fail(res, err);
      log.error({ err, method, path }, "admin endpoint failed");
      fail(res, new GraphError("unknownError"));
    }
  };
}
